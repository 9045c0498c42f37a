#[derive(Debug)]
enum ShopError {
    NotFound,
}

error_contract::responses! {
    /// What `GET /books/{id}` can answer.
    pub struct BookErrors: ShopError { NotFound }
}

fn main() {
    let _ = BookErrors::catalog();
}
