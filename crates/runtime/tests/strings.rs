//! Unit tests of the string/memory helpers, the snprintf/sprintf buffer rules, robustness of
//! the formatter on bad input, and the small numeric helpers.

use xl_runtime::*;

#[test]
fn strlen_and_cstr_stop_at_nul_or_slice_end() {
    assert_eq!(strlen(b"abc\0def"), 3);
    assert_eq!(strlen(b"abc"), 3);
    assert_eq!(strlen(b"\0"), 0);
    assert_eq!(strlen(b""), 0);
    assert_eq!(cstr(b"ab\0cd"), b"ab");
    assert_eq!(cstr(b"ab"), b"ab");
}

#[test]
fn strcmp_family_compares_unsigned_bytes() {
    assert_eq!(strcmp(b"abc\0", b"abc"), 0);
    assert_eq!(strcmp(b"abc\0x", b"abc\0y"), 0);
    assert_eq!(strcmp(b"a", b"z"), -25);
    assert_eq!(strcmp(b"ab", b"a"), i32::from(b'b'));
    assert!(strcmp(b"\xff", b"a") > 0, "bytes compare as unsigned char");
    assert_eq!(strcmp(b"", b""), 0);
    assert_eq!(strncmp(b"abcd", b"abce", 3), 0);
    assert!(strncmp(b"abcd", b"abce", 4) < 0);
    assert_eq!(strncmp(b"x", b"y", 0), 0);
    assert_eq!(memcmp(b"ab\0c", b"ab\0d", 3), 0);
    assert_eq!(memcmp(b"ab\0c", b"ab\0d", 4), -1);
}

#[test]
fn strcpy_strncpy_strcat_strncat() {
    let mut buf = [0xAAu8; 8];
    strcpy(&mut buf, b"hi\0junk");
    assert_eq!(&buf[..4], b"hi\0\xAA");
    strcat(&mut buf, b"yo");
    assert_eq!(&buf[..5], b"hiyo\0");
    strncat(&mut buf, b"abcdef", 2);
    assert_eq!(&buf[..7], b"hiyoab\0");

    let mut b2 = [0xAAu8; 6];
    strncpy(&mut b2, b"ab", 5);
    assert_eq!(b2, *b"ab\0\0\0\xAA", "strncpy pads with NUL up to n");
    strncpy(&mut b2, b"abcdefgh", 3);
    assert_eq!(&b2[..4], b"abc\0", "no NUL added when src is longer");
}

#[test]
#[should_panic]
fn strcpy_overflow_panics() {
    let mut buf = [0u8; 3];
    strcpy(&mut buf, b"abc");
}

#[test]
fn searching() {
    assert_eq!(strchr(b"hello\0l", i32::from(b'l')), Some(2));
    assert_eq!(strrchr(b"hello\0l", i32::from(b'l')), Some(3));
    assert_eq!(strchr(b"hello", i32::from(b'z')), None);
    assert_eq!(
        strchr(b"hello\0", 0),
        Some(5),
        "searching for NUL finds the terminator"
    );
    assert_eq!(
        strchr(b"abc", 0x100 + i32::from(b'b')),
        Some(1),
        "c converts to char"
    );
    assert_eq!(strstr(b"haystack\0", b"st\0"), Some(3));
    assert_eq!(strstr(b"haystack", b""), Some(0));
    assert_eq!(strstr(b"hay\0stack", b"st"), None);
    assert_eq!(strspn(b"aabxc", b"ab"), 3);
    assert_eq!(strcspn(b"aabxc", b"xc"), 3);
    assert_eq!(strpbrk(b"hello", b"ol"), Some(2));
    assert_eq!(strpbrk(b"hello", b"z"), None);
    assert_eq!(memchr(b"ab\0cd", i32::from(b'c'), 5), Some(3));
    assert_eq!(memchr(b"ab\0cd", i32::from(b'c'), 3), None);
}

#[test]
fn memory_helpers() {
    let mut b = [1u8; 5];
    memset_bytes(&mut b, 0x141, 3);
    assert_eq!(b, [0x41, 0x41, 0x41, 1, 1]);
    let mut v = [3i64, 4, 5];
    fill_zero(&mut v);
    assert_eq!(v, [0, 0, 0]);
    let mut f = [1.5f64; 2];
    fill_zero(&mut f);
    assert_eq!(f, [0.0, 0.0]);
    let mut d = [0u8; 4];
    memcpy_bytes(&mut d, b"wxyz", 3);
    assert_eq!(&d, b"wxy\0");
    let mut m = *b"abcdef";
    memmove_within(&mut m, 2, 0, 4);
    assert_eq!(&m, b"ababcd");
    assert_eq!(strdup(b"hi\0x"), b"hi\0");
}

#[test]
fn snprintf_truncates_and_reports_full_length() {
    let mut buf = [0xAAu8; 8];
    assert_eq!(snprintf(&mut buf, 4, b"%d", &[Arg::I(123456)]), 6);
    assert_eq!(&buf[..5], b"123\0\xAA");
    assert_eq!(snprintf(&mut buf, 0, b"%d", &[Arg::I(7)]), 1);
    assert_eq!(buf[0], b'1', "n = 0 writes nothing");
    assert_eq!(
        snprintf(&mut buf, 100, b"ok", &[]),
        2,
        "n may exceed the buffer if the output fits"
    );
    assert_eq!(&buf[..3], b"ok\0");
    assert_eq!(
        sprintf(&mut buf, b"%s-%c", &[Arg::S(b"ab"), Arg::I(120)]),
        4
    );
    assert_eq!(&buf[..5], b"ab-x\0");
}

#[test]
#[should_panic]
fn sprintf_overflow_panics() {
    let mut buf = [0u8; 4];
    sprintf(&mut buf, b"%d", &[Arg::I(1234)]);
}

#[test]
fn missing_or_mismatched_arguments_do_not_panic() {
    assert_eq!(format(b"a%db%sc%fd%pe%c", &[]), b"abcde");
    assert_eq!(format(b"%*d|%.*f|", &[]), b"||");
    assert_eq!(format(b"%d %d", &[Arg::I(1)]), b"1 ");
    assert_eq!(format(b"%3$d", &[Arg::I(1)]), b"");
    assert_eq!(format(b"%d", &[Arg::F(2.9)]), b"2");
    assert_eq!(format(b"%f", &[Arg::I(2)]), b"2.000000");
    assert_eq!(format(b"%s", &[Arg::I(5)]), b"");
    let mut buf = [0u8; 10];
    assert_eq!(
        snprintf(&mut buf, 10, b"a%99999999999999999999db", &[Arg::I(1)]),
        -1
    );
    assert_eq!(
        &buf[..2],
        b"a\0",
        "glibc stops with EOVERFLOW at a width over INT_MAX"
    );
    assert_eq!(snprintf(&mut buf, 10, b"a%.2147483648db", &[Arg::I(1)]), -1);
}

#[test]
fn format_stops_at_nul_and_handles_bytes() {
    assert_eq!(format(b"ab\0%d", &[Arg::I(1)]), b"ab");
    assert_eq!(
        format(b"\xff%s\xfe", &[Arg::S(b"\x80\0rest")]),
        b"\xff\x80\xfe"
    );
    assert_eq!(format(b"%c", &[Arg::I(0)]), b"\0");
}

#[test]
fn arg_conversions_follow_c_promotions() {
    assert_eq!(Arg::from(-1i8), Arg::I(-1));
    assert_eq!(Arg::from(200u8), Arg::I(200));
    assert_eq!(Arg::from(u32::MAX), Arg::U(4294967295));
    assert_eq!(Arg::from(1.5f32), Arg::F(1.5));
    assert_eq!(Arg::from("s"), Arg::S(b"s"));
    assert_eq!(format(b"%u", &[Arg::from(-1i32)]), b"4294967295");
}

#[test]
fn integer_helpers() {
    assert_eq!(abs(i32::MIN), i32::MIN);
    assert_eq!(abs(-5), 5);
    assert_eq!(labs(-5), 5);
    assert_eq!(llabs(i64::MIN), i64::MIN);
    set_errno(0);
    assert_eq!(strtol(b"  -12xyz", 10), (-12, 5));
    assert_eq!(errno(), 0);
    assert_eq!(strtol(b"zzz", 10), (0, 0));
    assert_eq!(strtol(b"99999999999999999999", 10), (i64::MAX, 20));
    assert_eq!(errno(), ERANGE);
    assert_eq!(strtoul(b"-1", 0), (u64::MAX, 2));
    assert_eq!(
        atoi(b"4294967297"),
        1,
        "atoi truncates strtol's long to int"
    );
    assert_eq!(strtod(b"1.5e3x"), (1500.0, 5));
}

#[test]
fn float_helpers() {
    assert_eq!(round(2.5), 3.0);
    assert_eq!(round(-2.5), -3.0);
    assert_eq!(round(0.49999999999999994), 0.0);
    assert_eq!(trunc(-2.7), -2.0);
    assert_eq!(fmod(-7.5, 2.0), -1.5);
    assert_eq!(isinf(f64::NEG_INFINITY), -1);
    assert_eq!(isnan(f64::NAN), 1);
    assert_eq!(isfinite(1.0), 1);
    assert_eq!(ldexp(1.0, -1074), 5e-324);
    assert_eq!(
        ldexp(1.5, -1075),
        5e-324,
        "rounds half to even in the subnormal range"
    );
    assert_eq!(ldexp(1.0, 1024), f64::INFINITY);
    assert_eq!(frexp(8.0), (0.5, 4));
    assert_eq!(frexp(5e-324), (0.5, -1073));
    assert_eq!(modf(-3.25), (-0.25, -3.0));
    assert_eq!(
        cbrt(-27.0),
        -3.0000000000000004,
        "glibc's cbrt is not correctly rounded"
    );
    assert_eq!(cbrt(8.0), 2.0);
    assert_eq!(fmin(0.0, -0.0).to_bits(), (-0.0f64).to_bits());
    assert_eq!(fmax(f64::NAN, 1.0), 1.0);
}
