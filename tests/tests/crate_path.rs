//! `#[api_error(crate = "...")]`: the runtime crate reached through another path, and generated
//! code that does not break when the user's scope shadows common names.

mod renamed {
    // The runtime under another name, as after `contract = { package = "error-contract" }`.
    use ::error_contract as contract;
    use contract::ApiError;

    #[derive(Debug, ApiError)]
    #[api_error(crate = "contract", style = "flat")]
    pub(crate) enum Renamed {
        #[api_error(status = 404, code = 1, message = "gone {what}")]
        Gone {
            #[api_error(expose)]
            what: String,
        },
    }
}

mod shadowed {
    #![allow(dead_code, non_camel_case_types, clippy::upper_case_acronyms)]
    // Names the generated code must not pick up from the user's scope.
    type Result = ();
    type Option = ();
    type String = ();
    type Box = ();
    struct serde;
    struct core;
    struct std;

    use error_contract::ApiError;

    #[derive(Debug, ApiError)]
    #[api_error(style = "nested")]
    pub(crate) enum Shadowed {
        #[api_error(status = 400, code = 1, message = "bad {0}")]
        Bad(#[api_error(expose, rename = "value")] u8),
        #[api_error(status = 500, code = 2, message = "io")]
        Io(#[from] ::std::io::Error),
    }
}

use error_contract::ApiError;

#[test]
fn renamed_crate() {
    let err = renamed::Renamed::Gone { what: "x".into() };
    assert_eq!(&*err.body(), r#"{"code":1,"message":"gone x","what":"x"}"#);
}

#[test]
fn shadowed_names() {
    let err = shadowed::Shadowed::Bad(3);
    assert_eq!(
        &*err.body(),
        r#"{"error":{"code":1,"message":"bad 3","value":3}}"#
    );
    assert_eq!(serde_json::to_string(&err).unwrap(), &*err.body());
    let err = shadowed::Shadowed::from(std::io::Error::other("x"));
    assert!(std::error::Error::source(&err).is_some());
}
