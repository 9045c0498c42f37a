//! Several errors in one response: `Errors<E>`, its exact body in each built-in style (one
//! error, several of one code, several of different codes and statuses), its status and header
//! rules, and decoding back; bodies it cannot read never panic.

use error_contract::{ApiError, Decode, DecodeError, EmptyErrors, Errors, Unknown};

#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "dto", decode)]
enum Dto {
    #[api_error(status = 400, code = 5000, message = "validation error")]
    Validation {
        #[api_error(expose)]
        subject: String,
        #[api_error(expose, rename = "subjectType")]
        subject_type: String,
    },
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
    #[api_error(status = 503, code = 9003, message = "service unavailable")]
    Unavailable {
        #[api_error(header = "Retry-After", default)]
        retry_after: u32,
    },
    #[api_error(status = 500, code = 9001, message = "unexpected system error")]
    Internal,
    #[api_error(status = 429, code = 4029, message = "too many requests")]
    RateLimited {
        #[api_error(header = "Retry-After", default)]
        retry_after: u32,
    },
}

fn validation(subject: &str) -> Dto {
    Dto::Validation {
        subject: subject.into(),
        subject_type: "parameter".into(),
    }
}

#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "nested", rename_all = "snake_case", decode)]
enum Nested {
    #[api_error(status = 422, message = "invalid field")]
    InvalidField {
        #[api_error(expose)]
        target: String,
    },
    #[api_error(status = 409, message = "conflict")]
    Conflict,
}

#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "flat", rename_all = "snake_case", decode)]
enum Flat {
    #[api_error(status = 422, message = "missing field")]
    MissingField {
        #[api_error(expose)]
        field: String,
    },
    #[api_error(status = 422, message = "invalid")]
    Invalid {
        #[api_error(expose)]
        field: String,
    },
}

#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "message", decode)]
enum Message {
    #[api_error(status = 400, code = 1, message = "Invalid Parameter")]
    InvalidParameter {
        #[api_error(expose)]
        parameter: String,
    },
    #[api_error(status = 401, code = 2, message = "Unauthorized request")]
    Unauthorized,
}

#[derive(Debug, PartialEq, ApiError)]
#[api_error(
    style = "problem",
    rename_all = "kebab-case",
    type_base = "https://example.net/",
    decode
)]
enum Problem {
    #[api_error(
        status = 422,
        title = "Your request is not valid.",
        message = "must be a positive integer"
    )]
    ValidationError {
        #[api_error(expose)]
        pointer: String,
    },
    #[api_error(status = 403, message = "out of credit")]
    OutOfCredit,
}

/// Two errors, then three.
fn errors<E>(first: E, rest: impl IntoIterator<Item = E>) -> Errors<E> {
    let mut errors = Errors::new(first);
    errors.extend(rest);
    errors
}

/// Status, content type, body; and the body decodes back into the same collection.
fn assert_body<E>(errors: &Errors<E>, status: u16, content_type: &str, body: &str)
where
    E: error_contract::Styled + Decode + PartialEq,
{
    assert_eq!(errors.status().as_u16(), status);
    let written = errors.body();
    assert_eq!(written.content_type(), content_type);
    assert_eq!(&*written, body);
    serde_json::from_str::<serde_json::Value>(body).expect("the body is JSON");
    assert_eq!(
        Errors::<E>::decode(status, body.as_bytes()).as_ref(),
        Ok(errors)
    );
}

#[test]
fn one_error_is_that_errors_own_body() {
    let one = Errors::new(validation("firstName"));
    assert_eq!(one.body(), validation("firstName").body());
    assert_eq!(one.status(), validation("firstName").status());
    assert_eq!(one.code(), 5000);
    assert_eq!(one.message(), "validation error");
    assert_body(
        &one,
        400,
        "application/json",
        r#"{"errors":[{"errorCode":5000,"message":"validation error","subject":"firstName","subjectType":"parameter"}]}"#,
    );

    let one = Errors::new(Problem::OutOfCredit);
    assert_body(
        &one,
        403,
        "application/problem+json",
        r#"{"type":"https://example.net/out-of-credit","title":"Forbidden","status":403,"detail":"out of credit","code":"out-of-credit"}"#,
    );
    let one = Errors::new(Nested::Conflict);
    assert_body(
        &one,
        409,
        "application/json",
        r#"{"error":{"code":"conflict","message":"conflict"}}"#,
    );
}

#[test]
fn dto_lists_every_error_in_its_array() {
    let several = errors(validation("firstName"), [validation("lastName")]);
    assert_body(
        &several,
        400,
        "application/json",
        r#"{"errors":[{"errorCode":5000,"message":"validation error","subject":"firstName","subjectType":"parameter"},{"errorCode":5000,"message":"validation error","subject":"lastName","subjectType":"parameter"}]}"#,
    );
    assert_eq!(several.code(), 5000);
    assert_eq!(several.to_string(), "validation error");

    // A 400 and a 404: the most general client error; no code of their own.
    let mixed = errors(validation("firstName"), [Dto::NotFound]);
    assert_body(
        &mixed,
        400,
        "application/json",
        r#"{"errors":[{"errorCode":5000,"message":"validation error","subject":"firstName","subjectType":"parameter"},{"errorCode":3001,"message":"entity not found"}]}"#,
    );
    assert_eq!(mixed.code(), 400);
    assert_eq!(mixed.message(), "Bad Request");
}

#[test]
fn nested_puts_the_errors_in_details() {
    let invalid = |target: &str| Nested::InvalidField {
        target: target.into(),
    };
    assert_body(
        &errors(invalid("name"), [invalid("email")]),
        422,
        "application/json",
        r#"{"error":{"code":"invalid_field","message":"invalid field","details":[{"code":"invalid_field","message":"invalid field","target":"name"},{"code":"invalid_field","message":"invalid field","target":"email"}]}}"#,
    );
    assert_body(
        &errors(invalid("name"), [Nested::Conflict]),
        400,
        "application/json",
        r#"{"error":{"message":"Bad Request","details":[{"code":"invalid_field","message":"invalid field","target":"name"},{"code":"conflict","message":"conflict"}]}}"#,
    );
}

#[test]
fn flat_lists_the_errors_after_the_message() {
    let missing = |field: &str| Flat::MissingField {
        field: field.into(),
    };
    assert_body(
        &errors(missing("title"), [missing("body")]),
        422,
        "application/json",
        r#"{"code":"missing_field","message":"missing field","errors":[{"code":"missing_field","message":"missing field","field":"title"},{"code":"missing_field","message":"missing field","field":"body"}]}"#,
    );
    // Two codes of one status: that status, and its reason phrase as the message.
    assert_body(
        &errors(
            missing("title"),
            [Flat::Invalid {
                field: "body".into(),
            }],
        ),
        422,
        "application/json",
        r#"{"message":"Unprocessable Content","errors":[{"code":"missing_field","message":"missing field","field":"title"},{"code":"invalid","message":"invalid","field":"body"}]}"#,
    );
}

#[test]
fn message_lists_the_errors_after_the_message() {
    let invalid = |parameter: &str| Message::InvalidParameter {
        parameter: parameter.into(),
    };
    assert_body(
        &errors(invalid("a"), [invalid("b")]),
        400,
        "application/json",
        r#"{"errorMessage":"Invalid Parameter","errors":[{"errorMessage":"Invalid Parameter","parameter":"a"},{"errorMessage":"Invalid Parameter","parameter":"b"}]}"#,
    );
    assert_body(
        &errors(invalid("a"), [Message::Unauthorized]),
        400,
        "application/json",
        r#"{"errorMessage":"Bad Request","errors":[{"errorMessage":"Invalid Parameter","parameter":"a"},{"errorMessage":"Unauthorized request"}]}"#,
    );
}

#[test]
fn problem_is_one_problem_listing_each_error() {
    let invalid = |pointer: &str| Problem::ValidationError {
        pointer: pointer.into(),
    };
    // RFC 9457, section 3.
    assert_body(
        &errors(invalid("#/age"), [invalid("#/profile/color")]),
        422,
        "application/problem+json",
        r##"{"type":"https://example.net/validation-error","title":"Your request is not valid.","status":422,"detail":"must be a positive integer","code":"validation-error","errors":[{"detail":"must be a positive integer","code":"validation-error","pointer":"#/age"},{"detail":"must be a positive integer","code":"validation-error","pointer":"#/profile/color"}]}"##,
    );
    assert_body(
        &errors(invalid("#/age"), [Problem::OutOfCredit]),
        400,
        "application/problem+json",
        r##"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Bad Request","errors":[{"detail":"must be a positive integer","code":"validation-error","pointer":"#/age"},{"detail":"out of credit","code":"out-of-credit"}]}"##,
    );
}

#[test]
fn the_status_rule() {
    let status = |errors: Errors<Dto>| errors.status().as_u16();
    assert_eq!(status(errors(Dto::NotFound, [Dto::NotFound])), 404);
    assert_eq!(status(errors(Dto::NotFound, [validation("a")])), 400);
    // Any 5xx wins; the one they share, else 500.
    let unavailable = || Dto::Unavailable { retry_after: 30 };
    assert_eq!(status(errors(Dto::NotFound, [unavailable()])), 503);
    assert_eq!(
        status(errors(Dto::NotFound, [unavailable(), unavailable()])),
        503
    );
    assert_eq!(
        status(errors(unavailable(), [Dto::NotFound, Dto::Internal])),
        500
    );
    assert_body(
        &errors(Dto::NotFound, [Dto::Internal]),
        500,
        "application/json",
        r#"{"errors":[{"errorCode":3001,"message":"entity not found"},{"errorCode":9001,"message":"unexpected system error"}]}"#,
    );
}

#[test]
fn headers_merge_and_the_first_value_wins() {
    let errors = errors(
        Dto::NotFound,
        [
            Dto::RateLimited { retry_after: 30 },
            Dto::Unavailable { retry_after: 120 },
        ],
    );
    let headers: Vec<(&str, String)> = errors.headers().into_iter().collect();
    assert_eq!(headers, [("Retry-After", "30".to_owned())]);
    assert_eq!(errors.status().as_u16(), 503);
}

#[test]
fn never_empty() {
    assert_eq!(Errors::<Dto>::try_from(Vec::new()), Err(EmptyErrors));
    assert!(Errors::<Dto>::try_from_iter([]).is_none());
    let errors = Errors::<Dto>::try_from(vec![Dto::NotFound, Dto::Internal]).unwrap();
    assert_eq!(errors.first(), &Dto::NotFound);
    assert_eq!(errors.into_vec(), [Dto::NotFound, Dto::Internal]);
    let from_one: Errors<Dto> = Dto::NotFound.into();
    assert_eq!(from_one.len(), 1);
}

#[test]
fn serialize_writes_the_body() {
    let errors = errors(Dto::NotFound, [Dto::Internal]);
    assert_eq!(serde_json::to_string(&errors).unwrap(), *errors.body());
}

#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "dto", decode)]
enum WithOther {
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
    #[api_error(other)]
    Other(Unknown),
}

#[test]
fn decoding_a_single_error_body_gives_a_collection_of_one() {
    let body = br#"{"errors":[{"errorCode":3001,"message":"entity not found"}]}"#;
    assert_eq!(
        Errors::<Dto>::decode(404, body),
        Ok(Errors::new(Dto::NotFound))
    );
    let body = br#"{"error":{"code":"conflict","message":"conflict"}}"#;
    assert_eq!(
        Errors::<Nested>::decode(409, body),
        Ok(Errors::new(Nested::Conflict))
    );
    assert_eq!(
        Errors::<Dto>::decode(200, body),
        Err(DecodeError::NotAnError(200))
    );
}

#[test]
fn unknown_items_go_to_other_or_fail_the_decoding() {
    let body = br#"{"errors":[{"errorCode":3001,"message":"entity not found"},{"errorCode":7777,"message":"new"}]}"#;
    let decoded = Errors::<WithOther>::decode(400, body).unwrap();
    assert_eq!(decoded.first(), &WithOther::NotFound);
    let WithOther::Other(unknown) = &decoded[1] else {
        panic!("{decoded:?}")
    };
    assert_eq!(unknown.code(), 7777);
    assert_eq!(unknown.message(), "new");

    let Err(DecodeError::Unrecognized(unknown)) = Errors::<Dto>::decode(400, body) else {
        panic!()
    };
    assert_eq!(unknown.code(), 7777);
}

#[test]
fn bodies_of_another_style_or_not_json_never_panic() {
    let dto_body = errors(validation("a"), [Dto::NotFound]).body();
    let problem_body = errors(Problem::OutOfCredit, [Problem::OutOfCredit]).body();
    let bodies: [&[u8]; 9] = [
        dto_body.as_bytes(),
        problem_body.as_bytes(),
        b"",
        b"not json",
        br#"{"errors":[]}"#,
        br#"{"errors":[1,2,3]}"#,
        br#"{"errors":{"a":1}}"#,
        br#"{"error":{"details":[null]}}"#,
        br#"[{"errors":[{"errorCode":3001}]}]"#,
    ];
    for body in bodies {
        let _ = Errors::<Dto>::decode(400, body);
        let _ = Errors::<Nested>::decode(400, body);
        let _ = Errors::<Flat>::decode(400, body);
        let _ = Errors::<Message>::decode(400, body);
        let _ = Errors::<Problem>::decode(400, body);
        let decoded = Errors::<WithOther>::decode(400, body).unwrap();
        assert!(!decoded.is_empty());
    }
    // Problem details read as dto: the `errors` array is there, and each item is unknown.
    let decoded = Errors::<WithOther>::decode(400, problem_body.as_bytes()).unwrap();
    assert_eq!(decoded.len(), 2);
    assert!(decoded.iter().all(|e| matches!(e, WithOther::Other(_))));
    // Dto read as problem details: each item is read, none has a known code.
    let decoded = Errors::<Problem>::decode(400, dto_body.as_bytes());
    assert!(matches!(decoded, Err(DecodeError::Unrecognized(_))));
}

#[test]
fn a_hundred_thousand_items_decode() {
    let mut body = String::from(r#"{"errors":["#);
    for i in 0..100_000 {
        if i > 0 {
            body.push(',');
        }
        body.push_str(r#"{"errorCode":3001,"message":"entity not found"}"#);
    }
    body.push_str("]}");
    let decoded = Errors::<Dto>::decode(404, body.as_bytes()).unwrap();
    assert_eq!(decoded.len(), 100_000);
    assert!(decoded.iter().all(|error| *error == Dto::NotFound));
    // Of another style: one unknown error, not a hundred thousand.
    let decoded = Errors::<Nested>::decode(404, body.as_bytes());
    assert!(matches!(decoded, Err(DecodeError::Unrecognized(_))));
}

#[test]
fn ten_thousand_errors_write_a_valid_body() {
    let errors =
        Errors::try_from_iter((0..10_000).map(|i| validation(&format!("field{i}")))).unwrap();
    let body = errors.body();
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["errors"].as_array().unwrap().len(), 10_000);
    assert_eq!(json["errors"][9999]["subject"], "field9999");
    assert_eq!(Errors::<Dto>::decode(400, body.as_bytes()), Ok(errors));
}

#[derive(Debug, PartialEq, ApiError)]
#[api_error(
    style = "dto",
    decode,
    rename_members(envelope = "faults", code = "id", message = "text")
)]
enum RenamedDto {
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
    #[api_error(status = 404, code = 3002, message = "order {order} not found")]
    OrderNotFound {
        #[api_error(expose)]
        order: u64,
    },
    #[api_error(other)]
    Other(Unknown),
}

#[derive(Debug, PartialEq, ApiError)]
#[api_error(
    style = "nested",
    rename_all = "snake_case",
    decode,
    rename_members(envelope = "fault")
)]
enum RenamedNested {
    #[api_error(status = 409, message = "conflict")]
    Conflict,
    #[api_error(status = 404, message = "gone")]
    Gone,
}

#[test]
fn several_errors_decode_by_the_enums_member_names() {
    let dto = errors(
        RenamedDto::NotFound,
        [RenamedDto::OrderNotFound { order: 7 }],
    );
    let body = dto.body();
    assert_eq!(
        &*body,
        r#"{"faults":[{"id":3001,"text":"entity not found"},{"id":3002,"text":"order 7 not found","order":7}]}"#
    );
    assert_eq!(Errors::<RenamedDto>::decode(404, body.as_bytes()), Ok(dto));

    let nested = errors(RenamedNested::Conflict, [RenamedNested::Gone]);
    let body = nested.body();
    assert_eq!(
        &*body,
        r#"{"fault":{"message":"Bad Request","details":[{"code":"conflict","message":"conflict"},{"code":"gone","message":"gone"}]}}"#
    );
    assert_eq!(
        Errors::<RenamedNested>::decode(400, body.as_bytes()),
        Ok(nested)
    );
}

#[test]
fn an_unknown_item_keeps_its_own_text_in_the_envelope_of_one_error() {
    // Whitespace and member order as sent: the item is not read into a tree and written again.
    let body = br#"{"faults":[ {"id":3001,"text":"entity not found"}, {"text":"new", "id":7777, "b":[1, 2]} ]}"#;
    let decoded = Errors::<RenamedDto>::decode(400, body).unwrap();
    assert_eq!(decoded.first(), &RenamedDto::NotFound);
    let RenamedDto::Other(unknown) = &decoded[1] else {
        panic!("{decoded:?}")
    };
    assert_eq!(
        &*unknown.body(),
        r#"{"faults":[{"text":"new", "id":7777, "b":[1, 2]}]}"#
    );
    assert_eq!(unknown.code(), 7777);
    assert_eq!(unknown.message(), "new");
    assert_eq!(unknown.field("b"), Some(&serde_json::json!([1, 2])));
}

/// A flat enum with an `other` variant: a body of several errors asked for as one error.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(style = "flat", rename_all = "snake_case", decode)]
enum FlatOther {
    #[api_error(status = 422, message = "missing field")]
    MissingField {
        #[api_error(expose)]
        field: String,
    },
    #[api_error(other)]
    Other(Unknown),
}

/// Asked for as one error, a body of several errors with different codes (no code for the whole)
/// is its first error when the enum knows its code; else the unknown error keeps the whole body,
/// from which `Errors<E>` decodes every error.
#[test]
fn several_errors_asked_for_as_one_give_the_first() {
    let body = br#"{"message":"Unprocessable Content","errors":[{"code":"missing_field","message":"missing field","field":"name"},{"code":"invalid","message":"invalid","field":"age"}]}"#;
    assert_eq!(
        Flat::decode(422, body),
        Ok(Flat::MissingField {
            field: "name".into()
        })
    );
    assert_eq!(
        FlatOther::decode(422, body),
        Ok(FlatOther::MissingField {
            field: "name".into()
        })
    );

    // The first error is one the enum does not know: the whole body is kept.
    let body = br#"{"message":"Unprocessable Content","errors":[{"code":"too_long","message":"too long","field":"bio"},{"code":"missing_field","message":"missing field","field":"name"}]}"#;
    let Ok(FlatOther::Other(unknown)) = FlatOther::decode(422, body) else {
        panic!()
    };
    assert_eq!(unknown.body().as_bytes(), body);
    let all = Errors::<FlatOther>::decode(422, unknown.body().as_bytes()).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(
        all[1],
        FlatOther::MissingField {
            field: "name".into()
        }
    );
}
