//! Finding a secretary by name the way Chinese offices type it: the characters themselves,
//! pinyin initials (`wjg` finds 王建国) or whole syllables (`wangjg`, `wangjianguo`).

use pinyin::ToPinyinMulti;

/// The name spelled in plain pinyin, so that 安 sorts before 张 (as Chinese lists are kept).
pub fn pinyin_sort_key(name: &str) -> String {
    use pinyin::ToPinyin;
    name.chars()
        .map(|c| {
            c.to_pinyin()
                .map_or_else(|| c.to_string(), |p| p.plain().to_owned())
        })
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A name prepared once for fast matching against many queries.
#[derive(Debug, Clone, Default)]
pub struct SearchKey {
    lowercase: String,
    /// For each character of the name, every plain reading (several for heteronyms like 单).
    readings: Vec<Vec<&'static str>>,
    /// For characters without pinyin (Latin letters, digits), the character itself.
    literal: Vec<Option<char>>,
}

impl SearchKey {
    /// Prepares `name` for matching.
    pub fn new(name: &str) -> Self {
        let mut readings = Vec::new();
        let mut literal = Vec::new();
        for c in name.chars().filter(|c| !c.is_whitespace()) {
            if let Some(multi) = c.to_pinyin_multi() {
                readings.push(multi.into_iter().map(pinyin::Pinyin::plain).collect());
                literal.push(None);
            } else {
                readings.push(Vec::new());
                // A rare character the pinyin table lacks (𠮷) has neither.
                literal.push(c.is_ascii().then(|| c.to_ascii_lowercase()));
            }
        }
        Self {
            lowercase: name.to_lowercase(),
            readings,
            literal,
        }
    }

    /// Whether `query` finds this name: as a substring, or as pinyin starting at any character.
    pub fn matches(&self, query: &str) -> bool {
        let query: String = query.split_whitespace().collect::<String>().to_lowercase();
        if query.is_empty() {
            return true;
        }
        if self
            .lowercase
            .replace(char::is_whitespace, "")
            .contains(&query)
        {
            return true;
        }
        if !query.chars().all(|c| c.is_ascii_alphanumeric()) {
            return false;
        }
        (0..self.readings.len()).any(|start| self.matches_from(start, query.as_bytes()))
    }

    /// Whether `query` finds this name from its start (`wj` 王建国, not `jg`): such a match
    /// ranks before one found inside the name.
    pub fn matches_start(&self, query: &str) -> bool {
        let query: String = query.split_whitespace().collect::<String>().to_lowercase();
        self.lowercase
            .replace(char::is_whitespace, "")
            .starts_with(&query)
            || (query.chars().all(|c| c.is_ascii_alphanumeric())
                && self.matches_from(0, query.as_bytes()))
    }

    /// Whether the rest of `query` is spelled by the characters from `index` on, each character
    /// taking a non-empty prefix of one of its readings.
    fn matches_from(&self, index: usize, query: &[u8]) -> bool {
        if query.is_empty() {
            return true;
        }
        if index >= self.readings.len() {
            return false;
        }
        if let Some(c) = self.literal[index] {
            return query[0] == c as u8 && self.matches_from(index + 1, &query[1..]);
        }
        if self.readings[index].is_empty() {
            // A character of unknown reading stands for any one letter, or none.
            return self.matches_from(index + 1, &query[1..])
                || self.matches_from(index + 1, query);
        }
        self.readings[index].iter().any(|reading| {
            let reading = reading.as_bytes();
            let longest = reading.len().min(query.len());
            (1..=longest)
                .rev()
                .any(|n| reading[..n] == query[..n] && self.matches_from(index + 1, &query[n..]))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::SearchKey;

    #[test]
    fn a_character_without_pinyin_takes_any_one_letter_and_starts_rank_first() {
        let rare = SearchKey::new("吉𠮷祥");
        assert!(rare.matches("jjx"));
        assert!(rare.matches("jx"));
        assert!(!rare.matches("jjjjx"));
        let office = SearchKey::new("镇机关党支部");
        let cooperative = SearchKey::new("菌菇合作社党支部");
        assert!(office.matches("jg") && cooperative.matches("jg"));
        assert!(!office.matches_start("jg"));
        assert!(cooperative.matches_start("jg"));
    }

    #[test]
    fn initials_find_the_name() {
        let key = SearchKey::new("王建国");
        for query in [
            "wjg",
            "WJG",
            "jg",
            "w",
            "wangjg",
            "wangjianguo",
            "wang jian",
            "建国",
            "王",
        ] {
            assert!(key.matches(query), "{query} should find 王建国");
        }
        for query in ["wjx", "jgw", "wangx", "国建", "zz"] {
            assert!(!key.matches(query), "{query} should not find 王建国");
        }
    }

    #[test]
    fn heteronyms_match_any_reading() {
        // 单 is read shàn as a surname and dān otherwise; either initial finds it.
        let key = SearchKey::new("单晓红");
        assert!(key.matches("sxh"));
        assert!(key.matches("dxh"));
        assert!(key.matches("shanxh"));
    }

    #[test]
    fn rare_characters_and_latin_names_do_not_break_matching() {
        assert!(SearchKey::new("李䶮").matches("李䶮"));
        assert!(SearchKey::new("刘𠮷").matches("l"));
        assert!(SearchKey::new("Anna Li").matches("anna"));
        assert!(SearchKey::new("张三2").matches("zs2"));
        assert!(SearchKey::new("").matches(""));
        assert!(!SearchKey::new("").matches("a"));
    }
}
