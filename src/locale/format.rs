//! Numbers, dates and quotations as each language writes them: `2.6` and `2,6`,
//! `27 November 2026` and `27 novembre 2026`, “this” and « ceci ».

use chrono::{Datelike, NaiveDate};

use super::Lang;
use crate::scoring::round_half_away;

/// A no-break space: French puts one before `:` and inside « ».
pub const NBSP: char = '\u{a0}';
/// A narrow no-break space: French puts one before `;`, `?` and `!`.
pub const NNBSP: char = '\u{202f}';

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

impl Lang {
    /// A number with one decimal, rounded half away from zero: `2.6` / `2,6`.
    pub fn decimal(self, x: f64) -> String {
        let text = format!("{:.1}", round_half_away(x) + 0.0);
        match self {
            Lang::En => text,
            Lang::Fr => text.replace('.', ","),
        }
    }

    /// A score for people, or "–" when there is none.
    pub fn score(self, score: Option<f64>) -> String {
        score.map_or_else(|| "–".to_string(), |s| self.decimal(s))
    }

    /// A signed change with one decimal: `+0.4` / `+0,4`, `−0.1` (a real minus sign).
    pub fn delta(self, x: f64) -> String {
        let rounded = round_half_away(x) + 0.0;
        let magnitude = self.decimal(rounded.abs());
        if rounded > 0.0 {
            format!("+{magnitude}")
        } else if rounded < 0.0 {
            format!("−{magnitude}")
        } else {
            magnitude
        }
    }

    /// The name of a month (1 to 12) as it is written inside a date.
    pub fn month(self, month: u32) -> &'static str {
        let names = match self {
            Lang::En => &MONTHS_EN,
            Lang::Fr => &MONTHS_FR,
        };
        names[(month.clamp(1, 12) - 1) as usize]
    }

    /// A date in words: `27 November 2026` / `27 novembre 2026` (`1er` on the first
    /// of the month in French).
    pub fn date(self, date: NaiveDate) -> String {
        let day = match (self, date.day()) {
            (Lang::Fr, 1) => "1er".to_string(),
            (_, day) => day.to_string(),
        };
        format!("{day} {} {}", self.month(date.month()), date.year())
    }

    /// Text in quotation marks: “text” / « text ».
    pub fn quote(self, text: &str) -> String {
        match self {
            Lang::En => format!("“{text}”"),
            Lang::Fr => format!("«{NBSP}{text}{NBSP}»"),
        }
    }

    /// `one` or `other` for a count (words, or the catalogue entries of both forms):
    /// English says "1 control", "0 controls"; French puts 0 and 1 in the singular.
    pub fn plural<T>(self, count: usize, one: T, other: T) -> T {
        let singular = match self {
            Lang::En => count == 1,
            Lang::Fr => count <= 1,
        };
        if singular { one } else { other }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_writes_a_decimal_comma() {
        assert_eq!(Lang::En.decimal(2.55), "2.6");
        assert_eq!(Lang::Fr.decimal(2.55), "2,6");
        assert_eq!(Lang::Fr.decimal(2.25), "2,3");
        assert_eq!(Lang::Fr.decimal(3.0), "3,0");
        assert_eq!(Lang::Fr.score(None), "–");
        assert_eq!(Lang::Fr.score(Some(-0.05)), "-0,1");
        assert_eq!(Lang::Fr.delta(0.35), "+0,4");
        assert_eq!(Lang::En.delta(-0.05), "−0.1");
        assert_eq!(Lang::En.delta(0.04), "0.0");
    }

    #[test]
    fn dates_in_words() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(Lang::Fr.date(d(2026, 11, 27)), "27 novembre 2026");
        assert_eq!(Lang::En.date(d(2026, 11, 27)), "27 November 2026");
        assert_eq!(Lang::Fr.date(d(2027, 8, 1)), "1er août 2027");
        assert_eq!(Lang::En.date(d(2027, 8, 1)), "1 August 2027");
    }

    #[test]
    fn french_quotes_hold_no_break_spaces() {
        assert_eq!(Lang::Fr.quote("SMIA"), "«\u{a0}SMIA\u{a0}»");
        assert_eq!(Lang::En.quote("AIMS"), "“AIMS”");
    }

    #[test]
    fn french_counts_zero_in_the_singular() {
        assert_eq!(Lang::Fr.plural(0, "mesure", "mesures"), "mesure");
        assert_eq!(Lang::En.plural(0, "control", "controls"), "controls");
        assert_eq!(Lang::Fr.plural(2, "mesure", "mesures"), "mesures");
        assert_eq!(Lang::En.plural(1, "control", "controls"), "control");
    }
}
