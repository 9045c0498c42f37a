//! The catalog's Markdown table of each seed enum, byte for byte, against the seed page's rows
//! (the enums are copies of those in the seed_*.rs files), and its `OpenAPI` components validated
//! as an `OpenAPI` 3.1 document; then the table's rules: `|` and line breaks escaped, templates
//! shown as written, transparent variants flattened.

mod openapi_check;

use error_contract::ApiError;

/// Seed 000 (essCert): the page names its statuses; one row per status.
mod seed_000_esscert_message_style {
    use error_contract::ApiError;

    #[allow(dead_code, reason = "only the catalog is read")]
    #[derive(Debug, ApiError)]
    #[api_error(style = "message")]
    enum EssCertError {
        /// A parameter of the request is missing or invalid:
        /// the request failed given the information provided.
        #[api_error(status = 400, message = "Invalid Parameter")]
        InvalidParameter,
        /// The credentials are missing or incorrect.
        #[api_error(status = 401)]
        Unauthorized,
        /// The caller may not perform this operation.
        #[api_error(status = 403, message = "Access Denied")]
        Forbidden,
        /// An error within the servers; these are rare.
        /// The user is advised to contact support.
        #[api_error(status = 500)]
        InternalServerError,
    }

    #[test]
    fn markdown() {
        assert_eq!(
            EssCertError::catalog().to_markdown(),
            r"| Status | Code | Message | Description |
| --- | --- | --- | --- |
| 400 | InvalidParameter | Invalid Parameter | A parameter of the request is missing or invalid: the request failed given the information provided. |
| 401 | Unauthorized | Unauthorized | The credentials are missing or incorrect. |
| 403 | Forbidden | Access Denied | The caller may not perform this operation. |
| 500 | InternalServerError | Internal Server Error | An error within the servers; these are rare. The user is advised to contact support. |
"
        );
    }

    #[test]
    fn openapi() {
        let components = EssCertError::catalog().to_openapi();
        crate::openapi_check::assert_valid(&crate::openapi_check::document(&components));
    }
}

/// Seed 001: every row of the page's Error Codes table (code, message, description), with the status chosen per code.
mod seed_001_dto {
    use error_contract::ApiError;

    #[allow(dead_code, reason = "only the catalog is read")]
    #[derive(Debug, ApiError)]
    #[api_error(style = "dto")]
    enum DtoError {
        // 500: saving failed on the server ("Unspecified server error").
        /// Error occurred while saving the entity.
        #[api_error(status = 500, code = 2006, message = "entity saving error")]
        EntitySaving,
        // 400: the client sent a duplicate value ("The request was invalid").
        /// Error occurred while saving the entity.
        /// USPTA number must be unique.
        #[api_error(
            status = 400,
            code = 200601,
            parent = 2006,
            message = "entity saving error: USPTA number must be unique"
        )]
        UsptaNumberNotUnique,
        // 400: the client sent a duplicate value ("The request was invalid").
        /// Error occurred while saving the entity.
        /// PTR number must be unique.
        #[api_error(
            status = 400,
            code = 200602,
            parent = 2006,
            message = "entity saving error: PTR number must be unique"
        )]
        PtrNumberNotUnique,
        // 404: the page's own example answers 3001 with 404.
        /// Entity was not found.
        #[api_error(status = 404, code = 3001, message = "entity not found")]
        EntityNotFound,
        // 400: the status table has no 409; "cannot be otherwise served" fits best.
        /// Same entity already exists and cannot be created.
        #[api_error(status = 400, code = 3002, message = "entity already exists")]
        EntityAlreadyExists,
        // 401: "Missing or incorrect authentication credentials".
        /// Authentication token is not valid.
        #[api_error(status = 401, code = 4003, message = "authentication token is invalid")]
        InvalidAuthenticationToken,
        // 401: "Missing or incorrect authentication credentials".
        /// Unknown authentication error occurred.
        #[api_error(status = 401, code = 4004, message = "authentication error")]
        Authentication,
        // 500: the token of the server's own call to a backend is bad, not the client's.
        /// Authorization token for backend system call is not valid therefore request cannot be completed.
        #[api_error(status = 500, code = 4005, message = "backend system token is invalid")]
        InvalidBackendToken,
        // 403: "access is not allowed".
        /// Access is denied.
        #[api_error(status = 403, code = 4006, message = "access denied")]
        AccessDenied,
        // 400: field validation of the request.
        /// Validation error. Additional attributes "subject" and "subjectType" may be present
        /// in response containing additional information (e.g. field name).
        #[api_error(status = 400, code = 5000, message = "validation error")]
        Validation {
            #[api_error(expose)]
            subject: String,
            #[api_error(expose, rename = "subjectType")]
            subject_type: String,
        },
        // 400: invalid or incomplete arguments of the request.
        /// Supplied method arguments either invalid or incomplete.
        #[api_error(
            status = 400,
            code = 5001,
            message = "illegal combination of method arguments"
        )]
        IllegalMethodArguments,
        // 400: the request lacks the primary key.
        /// Entity primary key is empty, request cannot be completed.
        #[api_error(status = 400, code = 5002, message = "entity id is empty")]
        EmptyEntityId,
        // 400: the identifier the client sent is not understood.
        /// Unknown entity identifier error.
        #[api_error(status = 400, code = 5003, message = "unknown identifier error")]
        UnknownIdentifier,
        // 400: the request cannot be served for a business reason.
        /// No remaining amount error.
        #[api_error(status = 400, code = 5004, message = "no remaining amount")]
        NoRemainingAmount,
        // 400: a required attribute of the request is empty.
        /// Empty "client org" attribute value.
        #[api_error(status = 400, code = 6001, message = "empty client org")]
        EmptyClientOrg,
        // 400: a required attribute of the request is empty.
        /// Password cannot be empty.
        #[api_error(status = 400, code = 6002, message = "empty password")]
        EmptyPassword,
        // 400: an invalid value in the request.
        /// Invalid "client grant type" value error.
        #[api_error(status = 400, code = 6003, message = "invalid client grant type")]
        InvalidClientGrantType,
        // 400: an invalid value in the request.
        /// Invalid "client profile" value error.
        #[api_error(status = 400, code = 6004, message = "invalid client profile")]
        InvalidClientProfile,
        // 400: an invalid value in the request.
        /// Invalid "client scope" value error.
        #[api_error(status = 400, code = 6005, message = "invalid client scope set")]
        InvalidClientScopeSet,
        // 400: the two new passwords of the request differ.
        /// New passwords do not match.
        #[api_error(status = 400, code = 6006, message = "new password not match")]
        NewPasswordNotMatch,
        // 401: "Missing or incorrect authentication credentials".
        /// Wrong password.
        #[api_error(status = 401, code = 6007, message = "wrong password")]
        WrongPassword,
        // 500: "Unspecified server error".
        /// Unexpected system error.
        #[api_error(status = 500, code = 9001, message = "unexpected system error")]
        UnexpectedSystem,
        // 400: the request body cannot be read ("The request was invalid").
        /// HTTP message not readable error.
        #[api_error(status = 400, code = 9002, message = "HTTP message not readable error")]
        MessageNotReadable,
        // 500: sending the email failed on the server.
        /// Error while triggering an email.
        #[api_error(status = 500, code = 9003, message = "mail trigger error")]
        MailTrigger,
    }

    #[test]
    fn markdown() {
        assert_eq!(
            DtoError::catalog().to_markdown(),
            r#"| Status | Code | Message | Description |
| --- | --- | --- | --- |
| 500 | 2006 | entity saving error | Error occurred while saving the entity. |
| 400 | 200601 | entity saving error: USPTA number must be unique | Error occurred while saving the entity. USPTA number must be unique. |
| 400 | 200602 | entity saving error: PTR number must be unique | Error occurred while saving the entity. PTR number must be unique. |
| 404 | 3001 | entity not found | Entity was not found. |
| 400 | 3002 | entity already exists | Same entity already exists and cannot be created. |
| 401 | 4003 | authentication token is invalid | Authentication token is not valid. |
| 401 | 4004 | authentication error | Unknown authentication error occurred. |
| 500 | 4005 | backend system token is invalid | Authorization token for backend system call is not valid therefore request cannot be completed. |
| 403 | 4006 | access denied | Access is denied. |
| 400 | 5000 | validation error | Validation error. Additional attributes "subject" and "subjectType" may be present in response containing additional information (e.g. field name). |
| 400 | 5001 | illegal combination of method arguments | Supplied method arguments either invalid or incomplete. |
| 400 | 5002 | entity id is empty | Entity primary key is empty, request cannot be completed. |
| 400 | 5003 | unknown identifier error | Unknown entity identifier error. |
| 400 | 5004 | no remaining amount | No remaining amount error. |
| 400 | 6001 | empty client org | Empty "client org" attribute value. |
| 400 | 6002 | empty password | Password cannot be empty. |
| 400 | 6003 | invalid client grant type | Invalid "client grant type" value error. |
| 400 | 6004 | invalid client profile | Invalid "client profile" value error. |
| 400 | 6005 | invalid client scope set | Invalid "client scope" value error. |
| 400 | 6006 | new password not match | New passwords do not match. |
| 401 | 6007 | wrong password | Wrong password. |
| 500 | 9001 | unexpected system error | Unexpected system error. |
| 400 | 9002 | HTTP message not readable error | HTTP message not readable error. |
| 500 | 9003 | mail trigger error | Error while triggering an email. |
"#
        );
    }

    #[test]
    fn openapi() {
        let components = DtoError::catalog().to_openapi();
        crate::openapi_check::assert_valid(&crate::openapi_check::document(&components));
    }
}

/// Seed 002 (Platform of Trust): every 4xx and 5xx status of the page with its description.
mod seed_002_platform_of_trust {
    use error_contract::ApiError;

    #[allow(dead_code, reason = "only the catalog is read")]
    #[derive(Debug, ApiError)]
    #[api_error(rename_all = "snake_case")]
    enum PlatformError {
        /// The request was not processed, as the server could not understand what the client is
        /// asking for, e.g. because of missing parameter.
        #[api_error(status = 400)]
        BadRequest,
        /// The client was not allowed to access resources, and should re-request with the required
        /// credentials.
        #[api_error(status = 401)]
        Unauthorized,
        /// The request was valid and the client is authenticated, but the client is not allowed
        /// access the resource for some reason.
        #[api_error(status = 403)]
        Forbidden,
        /// The requested resource was not available at the time of request.
        #[api_error(status = 404)]
        NotFound,
        /// The request was valid, but the server was unable to serve because of some unexpected
        /// condition.
        #[api_error(status = 500)]
        InternalServerError,
        /// The server is down or unavailable to receive and process the request.
        #[api_error(status = 503)]
        ServiceUnavailable,
    }

    #[test]
    fn markdown() {
        assert_eq!(
            PlatformError::catalog().to_markdown(),
            r"| Status | Code | Message | Description |
| --- | --- | --- | --- |
| 400 | bad_request | Bad Request | The request was not processed, as the server could not understand what the client is asking for, e.g. because of missing parameter. |
| 401 | unauthorized | Unauthorized | The client was not allowed to access resources, and should re-request with the required credentials. |
| 403 | forbidden | Forbidden | The request was valid and the client is authenticated, but the client is not allowed access the resource for some reason. |
| 404 | not_found | Not Found | The requested resource was not available at the time of request. |
| 500 | internal_server_error | Internal Server Error | The request was valid, but the server was unable to serve because of some unexpected condition. |
| 503 | service_unavailable | Service Unavailable | The server is down or unavailable to receive and process the request. |
"
        );
    }

    #[test]
    fn openapi() {
        let components = PlatformError::catalog().to_openapi();
        crate::openapi_check::assert_valid(&crate::openapi_check::document(&components));
    }
}

/// Seed 003 (Certifier): every row of the page's table; the 500, 502, 503, 504 row shows its declared 500.
mod seed_003_certifier {
    use error_contract::ApiError;

    #[allow(dead_code, reason = "only the catalog is read")]
    #[derive(Debug, ApiError)]
    #[api_error(style = "nested", rename_all = "snake_case")]
    enum CertifierError {
        /// The request is missing the required Certifier-Version header. See versioning.
        #[api_error(
            status = 400,
            message = "The request is missing the required Certifier-Version header."
        )]
        MissingVersion,
        /// The Certifier-Version header's value is invalid. See versioning.
        #[api_error(
            status = 400,
            message = "The Certifier-Version header's value is invalid."
        )]
        InvalidVersion,
        /// The request body can not be decoded as JSON.
        #[api_error(status = 400, message = "The request body can not be decoded as JSON.")]
        InvalidJson,
        ///  This usually occurs because of a missing or malformed parameter.
        /// Check the documentation and the syntax of your request and try again.
        #[api_error(status = 400, message = "A parameter is missing or malformed.")]
        ValidationError {
            #[api_error(expose)]
            parameter: String,
            #[api_error(expose)]
            hint: Option<String>,
        },
        /// A valid authentication token was not provided with the request, so the API could not
        /// associate a user with the request.
        #[api_error(
            status = 401,
            message = "A valid authentication token was not provided."
        )]
        Unauthorized,
        /// The request was valid, but the queried object or object mutation specified in the
        /// request is only available to premium organizations and workspaces.
        #[api_error(
            status = 402,
            message = "This is only available to premium organizations and workspaces."
        )]
        PaymentRequired,
        /// The authentication and request syntax was valid but the server is refusing to complete
        /// the request. This can happen if you try to read or write to objects or properties that
        /// the user does not have access to.
        #[api_error(
            status = 403,
            message = "The user does not have access to this object."
        )]
        Forbidden,
        /// Either the request method and path supplied do not specify a known action in the API,
        /// or the object specified by the request does not exist.
        #[api_error(status = 404, message = "The requested object does not exist.")]
        NotFound,
        /// The request could not be completed, potentially due to a data collision. Make sure the
        /// parameters are up to date and try again.
        #[api_error(
            status = 409,
            message = "The request could not be completed due to a conflict."
        )]
        Conflict,
        /// You have exceeded one of the enforced rate limits in the API. See the documentation on
        /// rate limiting for more information.
        #[api_error(status = 429, message = "You have exceeded a rate limit.")]
        RateLimited {
            #[api_error(header = "Retry-After")]
            retry_after: u32,
        },
        /// There was a problem on Certifier's end.
        #[api_error(status = 500, message = "There was a problem on Certifier's end.")]
        InternalServerError {
            #[api_error(status)]
            status: u16,
        },
    }

    #[test]
    fn markdown() {
        assert_eq!(
            CertifierError::catalog().to_markdown(),
            r"| Status | Code | Message | Description |
| --- | --- | --- | --- |
| 400 | missing_version | The request is missing the required Certifier-Version header. | The request is missing the required Certifier-Version header. See versioning. |
| 400 | invalid_version | The Certifier-Version header's value is invalid. | The Certifier-Version header's value is invalid. See versioning. |
| 400 | invalid_json | The request body can not be decoded as JSON. | The request body can not be decoded as JSON. |
| 400 | validation_error | A parameter is missing or malformed. | This usually occurs because of a missing or malformed parameter. Check the documentation and the syntax of your request and try again. |
| 401 | unauthorized | A valid authentication token was not provided. | A valid authentication token was not provided with the request, so the API could not associate a user with the request. |
| 402 | payment_required | This is only available to premium organizations and workspaces. | The request was valid, but the queried object or object mutation specified in the request is only available to premium organizations and workspaces. |
| 403 | forbidden | The user does not have access to this object. | The authentication and request syntax was valid but the server is refusing to complete the request. This can happen if you try to read or write to objects or properties that the user does not have access to. |
| 404 | not_found | The requested object does not exist. | Either the request method and path supplied do not specify a known action in the API, or the object specified by the request does not exist. |
| 409 | conflict | The request could not be completed due to a conflict. | The request could not be completed, potentially due to a data collision. Make sure the parameters are up to date and try again. |
| 429 | rate_limited | You have exceeded a rate limit. | You have exceeded one of the enforced rate limits in the API. See the documentation on rate limiting for more information. |
| 500 | internal_server_error | There was a problem on Certifier's end. | There was a problem on Certifier's end. |
"
        );
    }

    #[test]
    fn openapi() {
        let components = CertifierError::catalog().to_openapi();
        crate::openapi_check::assert_valid(&crate::openapi_check::document(&components));
    }
}

/// Seed 004: every row of the page's table (status, code, cause), with the first sentence as the message.
mod seed_004_flat {
    use error_contract::ApiError;

    #[allow(dead_code, reason = "only the catalog is read")]
    #[derive(Debug, ApiError)]
    #[api_error(style = "flat")]
    enum FlatError {
        /// The request resource is not associated with this account. This may occur if your login
        /// details are incorrect, or you are attempting an operation using an ID of a Certification
        /// Authority or certificate that belongs to another account.
        #[api_error(
            status = 403,
            message = "The request resource is not associated with this account."
        )]
        AccessDenied,
        /// Your account data appears to be corrupted. If you encounter this error, please contact
        /// support.
        #[api_error(status = 500, message = "Your account data appears to be corrupted.")]
        AccountError,
        /// No account exists for the specified email address. Please use the same email address to
        /// authenticate with the API as you are using to log in to the website.
        #[api_error(
            status = 404,
            message = "No account exists for the specified email address."
        )]
        AccountNotFound,
        /// There was an unexpected error loading your account data. If you encounter this error,
        /// please contact support.
        #[api_error(
            status = 500,
            message = "There was an unexpected error loading your account data."
        )]
        AccountNotLoaded,
        /// The API key used to sign the initial connection request is incorrect.
        #[api_error(
            status = 403,
            message = "The API key used to sign the initial connection request is incorrect."
        )]
        ApiKeyMismatch,
        /// An invalid value was specified for one of the input parameters. Please check the
        /// documentation for the required format for each parameter. The human-readable error
        /// string will indicate which parameter value is reponsible for the error.
        #[api_error(
            status = 400,
            message = "An invalid value was specified for the input parameter {parameter}."
        )]
        InputFailure { parameter: String },
        /// The token parameter does not correspond to a valid session, or has expired. Try
        /// reconnecting.
        #[api_error(
            status = 403,
            message = "The token parameter does not correspond to a valid session, or has expired."
        )]
        InvalidToken,
        /// The API call was made using the GET request method (or any method other than POST). All
        /// API calls must be made using the POST request method.
        #[api_error(
            status = 400,
            message = "The API call was made using the GET request method (or any method other than POST)."
        )]
        MethodDisallowed,
        /// A required parameter is missing. Please check the documentation to see which parameters
        /// are required and what the required format is. Additionally, the human-readable error
        /// string will indicate the name of the missing parameter.
        #[api_error(
            status = 400,
            message = "A required parameter is missing: {parameter}."
        )]
        MissingParameter { parameter: String },
        /// The Certification Authority ID or certificate ID passed to the API call is not valid.
        /// The CA or certificate is thus not found.
        #[api_error(
            status = 404,
            message = "The Certification Authority ID or certificate ID passed to the API call is not valid."
        )]
        NotFound,
        /// An attempt was made to reissue a certificate with an ID that is obsolete (has already
        /// been superseded by another certificate).
        #[api_error(
            status = 400,
            message = "An attempt was made to reissue a certificate with an ID that is obsolete (has already been superseded by another certificate)."
        )]
        NotLatest,
        /// The passphrase specified is invalid. Be sure to use the correct passphrase when opening a
        /// connection.
        #[api_error(status = 403, message = "The passphrase specified is invalid.")]
        PassphraseFailure,
        /// You are attempting to create new Certification Authorities or certificates too rapidly.
        /// Please wait a few minutes before attempting another such operation.
        #[api_error(
            status = 429,
            message = "You are attempting to create new Certification Authorities or certificates too rapidly."
        )]
        RateLimitExceeded,
        /// The session was not properly initialised. Be sure to connect first.
        #[api_error(status = 500, message = "The session was not properly initialised.")]
        SessionError,
        /// The request was not properly signed. Either because of an error in the process to
        /// calculate the signature, or because the API key is invalid.
        #[api_error(status = 403, message = "The request was not properly signed.")]
        SignatureFailure,
        /// An invalid status change was requested for a certificate. Certificates may only be
        /// changed between any of "good", "revoked" and "hold". It is not possible to change the
        /// status for certificates that are marked as "expired" or "obsolete".
        #[api_error(
            status = 400,
            message = "An invalid status change was requested for a certificate."
        )]
        StatusDisallowed,
        /// Generic fatal error condition. If you encounter this error, please contact support.
        #[api_error(status = 500, message = "Generic fatal error condition.")]
        UnknownError,
    }

    #[test]
    fn markdown() {
        assert_eq!(
            FlatError::catalog().to_markdown(),
            r#"| Status | Code | Message | Description |
| --- | --- | --- | --- |
| 403 | AccessDenied | The request resource is not associated with this account. | The request resource is not associated with this account. This may occur if your login details are incorrect, or you are attempting an operation using an ID of a Certification Authority or certificate that belongs to another account. |
| 500 | AccountError | Your account data appears to be corrupted. | Your account data appears to be corrupted. If you encounter this error, please contact support. |
| 404 | AccountNotFound | No account exists for the specified email address. | No account exists for the specified email address. Please use the same email address to authenticate with the API as you are using to log in to the website. |
| 500 | AccountNotLoaded | There was an unexpected error loading your account data. | There was an unexpected error loading your account data. If you encounter this error, please contact support. |
| 403 | ApiKeyMismatch | The API key used to sign the initial connection request is incorrect. | The API key used to sign the initial connection request is incorrect. |
| 400 | InputFailure | An invalid value was specified for the input parameter {parameter}. | An invalid value was specified for one of the input parameters. Please check the documentation for the required format for each parameter. The human-readable error string will indicate which parameter value is reponsible for the error. |
| 403 | InvalidToken | The token parameter does not correspond to a valid session, or has expired. | The token parameter does not correspond to a valid session, or has expired. Try reconnecting. |
| 400 | MethodDisallowed | The API call was made using the GET request method (or any method other than POST). | The API call was made using the GET request method (or any method other than POST). All API calls must be made using the POST request method. |
| 400 | MissingParameter | A required parameter is missing: {parameter}. | A required parameter is missing. Please check the documentation to see which parameters are required and what the required format is. Additionally, the human-readable error string will indicate the name of the missing parameter. |
| 404 | NotFound | The Certification Authority ID or certificate ID passed to the API call is not valid. | The Certification Authority ID or certificate ID passed to the API call is not valid. The CA or certificate is thus not found. |
| 400 | NotLatest | An attempt was made to reissue a certificate with an ID that is obsolete (has already been superseded by another certificate). | An attempt was made to reissue a certificate with an ID that is obsolete (has already been superseded by another certificate). |
| 403 | PassphraseFailure | The passphrase specified is invalid. | The passphrase specified is invalid. Be sure to use the correct passphrase when opening a connection. |
| 429 | RateLimitExceeded | You are attempting to create new Certification Authorities or certificates too rapidly. | You are attempting to create new Certification Authorities or certificates too rapidly. Please wait a few minutes before attempting another such operation. |
| 500 | SessionError | The session was not properly initialised. | The session was not properly initialised. Be sure to connect first. |
| 403 | SignatureFailure | The request was not properly signed. | The request was not properly signed. Either because of an error in the process to calculate the signature, or because the API key is invalid. |
| 400 | StatusDisallowed | An invalid status change was requested for a certificate. | An invalid status change was requested for a certificate. Certificates may only be changed between any of "good", "revoked" and "hold". It is not possible to change the status for certificates that are marked as "expired" or "obsolete". |
| 500 | UnknownError | Generic fatal error condition. | Generic fatal error condition. If you encounter this error, please contact support. |
"#
        );
    }

    #[test]
    fn openapi() {
        let components = FlatError::catalog().to_openapi();
        crate::openapi_check::assert_valid(&crate::openapi_check::document(&components));
    }
}

#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
#[allow(dead_code, reason = "only the catalog is read")]
enum Escaped {
    /// Either `a|b` or `c`.
    /// A second line is joined with a space.
    #[api_error(status = 400, code = "a|b", message = "pipes | in | the message")]
    Pipes,
    /// Line breaks in a message.
    #[api_error(status = 400, code = "breaks", message = "one\ntwo\r\nthree\rfour")]
    Breaks,
    #[api_error(status = 499, code = "undocumented", message = "no doc comment")]
    Undocumented,
    /// An interpolated message is shown as its template.
    #[api_error(
        status = 404,
        code = "template",
        message = "order {id} of {owner:?} not found"
    )]
    Template { id: u64, owner: String },
}

#[test]
fn cells_escape_pipes_and_line_breaks() {
    assert_eq!(
        Escaped::catalog().to_markdown(),
        concat!(
            "| Status | Code | Message | Description |\n",
            "| --- | --- | --- | --- |\n",
            "| 400 | a\\|b | pipes \\| in \\| the message | Either `a\\|b` or `c`. A second line is joined with a space. |\n",
            "| 400 | breaks | one<br>two<br>three<br>four | Line breaks in a message. |\n",
            "| 499 | undocumented | no doc comment |  |\n",
            "| 404 | template | order {id} of {owner:?} not found | An interpolated message is shown as its template. |\n",
        )
    );
}

#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
#[allow(dead_code, reason = "only the catalog is read")]
enum Auth {
    /// Authentication token is not valid.
    #[api_error(status = 401, code = 4003, message = "authentication token is invalid")]
    InvalidToken,
}

#[derive(Debug, ApiError)]
#[api_error(style = "flat")]
#[allow(dead_code, reason = "only the catalog is read")]
enum Api {
    /// Entity was not found.
    #[api_error(status = 404, code = 3001, message = "entity not found")]
    NotFound,
    #[api_error(transparent)]
    Auth(Auth),
    /// Unexpected system error.
    #[api_error(status = 500, code = 9001, message = "unexpected system error")]
    Unexpected,
}

#[test]
fn transparent_variants_are_flattened_in_place() {
    assert_eq!(
        Api::catalog().to_markdown(),
        r"| Status | Code | Message | Description |
| --- | --- | --- | --- |
| 404 | 3001 | entity not found | Entity was not found. |
| 401 | 4003 | authentication token is invalid | Authentication token is not valid. |
| 500 | 9001 | unexpected system error | Unexpected system error. |
"
    );
}

#[test]
fn empty_catalog_is_the_header_alone() {
    assert_eq!(
        error_contract::Catalog::new().to_markdown(),
        "| Status | Code | Message | Description |\n| --- | --- | --- | --- |\n"
    );
}
