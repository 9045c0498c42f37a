use error_contract::ApiError;

#[derive(Debug)]
struct Challenge(String);

impl std::fmt::Display for Challenge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, ApiError)]
#[api_error(style = "flat", decode)]
enum AuthError {
    #[api_error(status = 401, code = 1, message = "sign in")]
    Unauthorized {
        #[api_error(header = "WWW-Authenticate")]
        challenge: Challenge,
    },
}

fn main() {}
