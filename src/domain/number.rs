//! Numbers as the studio's sheets show them: scores and hours to one decimal, without a
//! trailing `.0`.

/// `18.5`, `20`: rounded to one decimal, whole numbers without a decimal.
pub fn one_decimal(value: f64) -> String {
    let rounded = round1(value);
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// Rounded to one decimal.
pub fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    #[test]
    fn whole_numbers_drop_the_decimal() {
        assert_eq!(super::one_decimal(20.0), "20");
        assert_eq!(super::one_decimal(18.46), "18.5");
        assert_eq!(super::one_decimal(1.0 / 3.0), "0.3");
    }
}
