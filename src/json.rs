//! A JSON pass that rejects duplicate object keys, which serde_json otherwise merges
//! silently (the last one wins), hiding a hand-edit mistake.
//!
//! It reads every key of the file, so it is kept cheap: keys are borrowed from the
//! text (no allocation unless a key holds an escape), and an object's keys are compared
//! in a short list, the usual case, until it grows long enough for a hash set.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// Up to this many keys an object's keys are compared one by one; beyond, hashed.
const SCAN_LIMIT: usize = 16;

/// Deserializes any JSON value, failing on the first object with a repeated key.
pub struct NoDuplicateKeys;

impl<'de> Deserialize<'de> for NoDuplicateKeys {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NoDuplicateKeys)
    }
}

/// An object key, borrowed from the text when it can be.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(v.to_string())))
    }

    fn visit_string<E>(self, v: String) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(v)))
    }
}

impl<'de> Visitor<'de> for NoDuplicateKeys {
    type Value = NoDuplicateKeys;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_unit<E>(self) -> Result<Self, E> {
        Ok(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self, A::Error> {
        while seq.next_element::<NoDuplicateKeys>()?.is_some() {}
        Ok(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self, A::Error> {
        // On the stack: a 10,000-question file has over 100,000 objects, and a list
        // allocated for each was a good part of the pass.
        let mut few: [Cow<'de, str>; SCAN_LIMIT] = Default::default();
        let mut len = 0;
        let mut many: Option<HashSet<Cow<'de, str>>> = None;
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            let repeated = match &mut many {
                Some(set) => !set.insert(key.clone()),
                None if few[..len].contains(&key) => true,
                None if len < SCAN_LIMIT => {
                    few[len] = key.clone();
                    len += 1;
                    false
                }
                None => {
                    let mut set: HashSet<Cow<'de, str>> =
                        few.iter_mut().map(std::mem::take).collect();
                    set.insert(key.clone());
                    many = Some(set);
                    false
                }
            };
            if repeated {
                return Err(de::Error::custom(format_args!("duplicate key \"{key}\"")));
            }
            map.next_value::<NoDuplicateKeys>()?;
        }
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Result<(), String> {
        serde_json::from_str::<NoDuplicateKeys>(text)
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn a_repeated_key_is_found_in_small_and_large_objects_escaped_or_not() {
        assert!(check(r#"{"a": 1, "b": {"a": 2}, "c": [{"a": 1}, {"a": 2}]}"#).is_ok());
        let e = check(r#"{"a": 1, "b": 2, "a": 3}"#).unwrap_err();
        assert!(e.contains("duplicate key \"a\""), "{e}");
        // The same key written with an escape is the same key.
        let e = check(r#"{"id": 1, "\u0069d": 2}"#).unwrap_err();
        assert!(e.contains("duplicate key \"id\""), "{e}");
        // Past the short list: the hash set takes over and still finds it.
        let keys: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        let wide = format!("{{{}}}", keys.join(", "));
        assert!(check(&wide).is_ok());
        for repeat in ["k3", "k39"] {
            let text = format!("{{{}, \"{repeat}\": 0}}", keys.join(", "));
            let e = check(&text).unwrap_err();
            assert!(e.contains(&format!("duplicate key \"{repeat}\"")), "{e}");
        }
    }
}
