//! Unit tests of `json`.

#[test]
fn copies_every_length() {
    let src: Vec<u8> = (1..=40).collect();
    for n in 0..=40 {
        let mut dst = [0u8; 40];
        super::copy(&mut dst[..n], &src[..n]);
        assert_eq!(dst[..n], src[..n]);
        assert!(dst[n..].iter().all(|&byte| byte == 0));
    }
}

#[test]
fn decimal_digits() {
    let edges = [u64::MAX, u64::MAX / 10, 10_000_000_000_000_000_000];
    for n in (0..=100_100)
        .chain((0..64).map(|bit| 1u64 << bit))
        .chain(edges)
    {
        let (digits, start) = super::decimal(n);
        assert_eq!(&digits[start..], n.to_string().as_bytes());
    }
}
