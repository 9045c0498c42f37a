//! Validation: `validate` on variants and `FromViolation`, and the bridges from `validator` and
//! `garde` on nested structs and lists: every broken rule one error of an `Errors`, the variant
//! that names its rule, with its field path.

use error_contract::{ApiError, Errors, Fact, FromViolation, Violation};

/// Seed 001's validation error, and RFC 9457's pointer, from one enum.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "dto")]
enum ShopError {
    /// A value is too short or too long.
    #[api_error(
        status = 400,
        code = 5001,
        message = "invalid length",
        validate = "length"
    )]
    Length {
        #[api_error(expose, rename = "subject", fact = "parameter")]
        subject: Option<String>,
        #[api_error(expose, rename = "subjectType", default)]
        subject_type: Parameter,
    },
    /// A number is out of its range.
    #[api_error(status = 400, code = 5002, message = "out of range", validate("range"))]
    Range {
        #[api_error(expose, rename = "subject", fact = "parameter")]
        subject: Option<String>,
        #[api_error(expose, rename = "subjectType", default)]
        subject_type: Parameter,
    },
    /// Any other broken rule: the rule is in the body.
    #[api_error(status = 400, code = 5000, message = "validation error", validate)]
    Validation {
        #[api_error(expose, rename = "subject", fact = "pointer")]
        pointer: String,
        #[api_error(expose, fact = "rule")]
        rule: String,
        #[api_error(status)]
        status: u16,
    },
}

/// `"parameter"`, seed 001's `subjectType`: a constant member, as a unit type.
#[derive(Debug, Default, PartialEq)]
struct Parameter;

impl serde::Serialize for Parameter {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str("parameter")
    }
}

#[test]
fn each_rule_goes_to_the_variant_that_names_it() {
    let violation = Violation::new("length")
        .with(Fact::Pointer, "/firstName")
        .with(Fact::Parameter, "firstName");
    assert_eq!(
        ShopError::from_violation(&violation),
        ShopError::Length {
            subject: Some("firstName".into()),
            subject_type: Parameter,
        }
    );
    let violation = Violation::new("range").with(Fact::Pointer, "/quantity");
    assert_eq!(
        ShopError::from_violation(&violation),
        ShopError::Range {
            subject: None,
            subject_type: Parameter,
        }
    );
    // A custom validator's code: the catch-all, with the rule and the declared status.
    let violation = Violation::new("unique_username").with(Fact::Pointer, "/username");
    assert_eq!(
        ShopError::from_violation(&violation),
        ShopError::Validation {
            pointer: "/username".into(),
            rule: "unique_username".into(),
            status: 400,
        }
    );
}

#[test]
fn violations_by_hand_become_one_response() {
    let violations = [
        Violation::new("length")
            .with(Fact::Pointer, "/firstName")
            .with(Fact::Parameter, "firstName"),
        Violation::new("length")
            .with(Fact::Pointer, "/lastName")
            .with(Fact::Parameter, "lastName"),
    ];
    let errors = Errors::<ShopError>::from_violations(&violations).unwrap();
    assert_eq!(
        &*errors.body(),
        r#"{"errors":[{"errorCode":5001,"message":"invalid length","subject":"firstName","subjectType":"parameter"},{"errorCode":5001,"message":"invalid length","subject":"lastName","subjectType":"parameter"}]}"#
    );
    assert!(Errors::<ShopError>::from_violations(&[]).is_none());
}

mod with_validator {
    use super::ShopError;
    use error_contract::{ApiError, Errors};
    use validator::{Validate, ValidationError};

    #[derive(Validate)]
    struct Order {
        #[validate(length(min = 1))]
        customer: String,
        #[validate(nested)]
        address: Address,
        #[validate(nested)]
        items: Vec<Item>,
    }

    #[derive(Validate)]
    struct Address {
        #[validate(length(min = 1))]
        city: String,
    }

    #[derive(Validate)]
    struct Item {
        #[validate(range(min = 1, max = 99))]
        quantity: i64,
        #[validate(custom(function = "no_spaces"))]
        sku: String,
    }

    fn no_spaces(sku: &str) -> Result<(), ValidationError> {
        if sku.contains(' ') {
            return Err(ValidationError::new("sku_format"));
        }
        Ok(())
    }

    fn order() -> Order {
        Order {
            customer: String::new(),
            address: Address {
                city: String::new(),
            },
            items: vec![
                Item {
                    quantity: 1,
                    sku: "a 1".into(),
                },
                Item {
                    quantity: 1,
                    sku: "b2".into(),
                },
                Item {
                    quantity: 100,
                    sku: "c3".into(),
                },
            ],
        }
    }

    #[test]
    fn nested_structs_and_lists_give_nested_paths() {
        let errors: Errors<ShopError> = error_contract::validator::validate(&order()).unwrap_err();
        assert_eq!(errors.status().as_u16(), 400);
        assert_eq!(
            &*errors.body(),
            r#"{"errors":[{"errorCode":5001,"message":"invalid length","subject":"address.city","subjectType":"parameter"},{"errorCode":5001,"message":"invalid length","subject":"customer","subjectType":"parameter"},{"errorCode":5000,"message":"validation error","subject":"/items/0/sku","rule":"sku_format"},{"errorCode":5002,"message":"out of range","subject":"items[2].quantity","subjectType":"parameter"}]}"#
        );
    }

    #[test]
    fn a_valid_value_is_ok() {
        let mut valid = order();
        valid.customer = "ada".into();
        valid.address.city = "Paris".into();
        valid.items.truncate(2);
        valid.items[0].sku = "a1".into();
        assert_eq!(
            error_contract::validator::validate::<ShopError, _>(&valid),
            Ok(())
        );
    }

    #[test]
    fn the_report_converts_with_from() {
        let report = order().validate().unwrap_err();
        let errors = Errors::<ShopError>::from(report);
        assert_eq!(errors.len(), 4);
    }
}

mod with_garde {
    use super::ShopError;
    use error_contract::{ApiError, Errors};
    use garde::Validate;

    #[derive(Validate)]
    struct Order {
        #[garde(length(min = 1))]
        customer: String,
        #[garde(dive)]
        address: Address,
        #[garde(dive)]
        items: Vec<Item>,
    }

    #[derive(Validate)]
    struct Address {
        #[garde(length(min = 1))]
        city: String,
    }

    #[derive(Validate)]
    struct Item {
        #[garde(range(min = 1, max = 99))]
        quantity: i64,
        #[garde(custom(no_spaces))]
        sku: String,
    }

    // garde's signature for a custom rule: the value and the context, by reference.
    #[allow(
        clippy::trivially_copy_pass_by_ref,
        reason = "garde calls custom rules with `&Context`"
    )]
    fn no_spaces(sku: &str, (): &()) -> garde::Result {
        if sku.contains(' ') {
            return Err(garde::Error::new("a SKU has no spaces"));
        }
        Ok(())
    }

    fn order() -> Order {
        Order {
            customer: String::new(),
            address: Address {
                city: String::new(),
            },
            items: vec![
                Item {
                    quantity: 1,
                    sku: "a 1".into(),
                },
                Item {
                    quantity: 1,
                    sku: "b2".into(),
                },
                Item {
                    quantity: 100,
                    sku: "c3".into(),
                },
            ],
        }
    }

    #[test]
    fn nested_structs_and_lists_give_nested_paths() {
        let errors: Errors<ShopError> = error_contract::garde::validate(&order(), &()).unwrap_err();
        assert_eq!(errors.status().as_u16(), 400);
        assert_eq!(
            &*errors.body(),
            r#"{"errors":[{"errorCode":5001,"message":"invalid length","subject":"address.city","subjectType":"parameter"},{"errorCode":5001,"message":"invalid length","subject":"customer","subjectType":"parameter"},{"errorCode":5000,"message":"validation error","subject":"/items/0/sku","rule":"custom"},{"errorCode":5002,"message":"out of range","subject":"items[2].quantity","subjectType":"parameter"}]}"#
        );
    }

    #[test]
    fn a_report_from_validate_itself_is_read_by_its_messages() {
        let report = order().validate().unwrap_err();
        let errors = Errors::<ShopError>::from(report);
        assert_eq!(
            errors.body(),
            error_contract::garde::validate::<ShopError, _>(&order(), &())
                .unwrap_err()
                .body()
        );
    }
}
