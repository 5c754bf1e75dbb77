//! A structural scan of one JSON line that finds the few fields classification needs, without
//! allocating or decoding anything: the hot path for the many lines nothing will explain.
//!
//! It walks the object's top level (and the `message` object of a cargo envelope), skipping every
//! other value by its brackets and string quotes. It reports raw byte ranges; callers decode
//! only what they use (with serde_json). A line it cannot walk is not classified as JSON.

/// Raw slices of the fields of interest. Strings are given without their quotes and still
/// escaped; `target` is the whole raw value; `rendered` is the raw JSON string with its quotes.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Fields<'a> {
    pub reason: Option<&'a [u8]>,
    pub message_type: Option<&'a [u8]>,
    pub success: Option<bool>,
    pub package_id: Option<&'a [u8]>,
    pub target: Option<&'a [u8]>,
    /// `level` of the diagnostic: the top-level one for a bare rustc diagnostic, the `message`
    /// object's for a cargo envelope.
    pub level: Option<&'a [u8]>,
    /// The diagnostic's top-level message text (still escaped).
    pub text: Option<&'a [u8]>,
    /// The diagnostic's error or lint code (`E0277`, `clippy::…`), when it has one.
    pub code: Option<&'a [u8]>,
    pub rendered: Option<&'a [u8]>,
    /// The raw `message` object of a cargo envelope (the diagnostic itself), when the top-level
    /// `message` is an object rather than a string.
    pub message_object: Option<&'a [u8]>,
}

/// Scans a line that should hold one JSON object; `None` when it does not.
pub fn scan(line: &[u8]) -> Option<Fields<'_>> {
    let mut s = Scanner { b: line, i: 0 };
    let mut fields = Fields::default();
    s.ws();
    s.object(|s, key, depth_one| s.top_field(key, depth_one, &mut fields))?;
    s.ws();
    (s.i == line.len()).then_some(fields)
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        self.ws();
        (self.peek()? == byte).then(|| self.i += 1)
    }

    /// A string; returns its contents (still escaped).
    fn string(&mut self) -> Option<&'a [u8]> {
        self.eat(b'"')?;
        let start = self.i;
        // Jump from quote to quote: rendered texts are full of `\n` escapes, and stopping at
        // each backslash would cost more than counting the few before a quote.
        loop {
            let at = memchr::memchr(b'"', &self.b[self.i..])?;
            self.i += at;
            let backslashes = self.b[start..self.i]
                .iter()
                .rev()
                .take_while(|b| **b == b'\\')
                .count();
            if backslashes % 2 == 0 {
                let contents = &self.b[start..self.i];
                self.i += 1;
                return Some(contents);
            }
            self.i += 1;
        }
    }

    /// Walks an object, calling `field` for each key with the scanner positioned at its value;
    /// `field` must consume the value.
    fn object(
        &mut self,
        mut field: impl FnMut(&mut Self, &'a [u8], bool) -> Option<()>,
    ) -> Option<()> {
        self.eat(b'{')?;
        self.ws();
        if self.peek()? == b'}' {
            self.i += 1;
            return Some(());
        }
        loop {
            let key = self.string()?;
            self.eat(b':')?;
            self.ws();
            field(self, key, true)?;
            self.ws();
            match self.peek()? {
                b',' => self.i += 1,
                b'}' => {
                    self.i += 1;
                    return Some(());
                }
                _ => return None,
            }
            self.ws();
        }
    }

    /// Skips any value, returning its raw bytes.
    fn value(&mut self) -> Option<&'a [u8]> {
        self.ws();
        let start = self.i;
        match self.peek()? {
            b'"' => {
                self.string()?;
            }
            b'{' | b'[' => self.nested()?,
            _ => {
                while let Some(c) = self.peek() {
                    if matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.i += 1;
                }
                let literal = &self.b[start..self.i];
                let valid = matches!(literal, b"true" | b"false" | b"null")
                    || literal
                        .first()
                        .is_some_and(|c| c.is_ascii_digit() || *c == b'-');
                if !valid {
                    return None;
                }
            }
        }
        Some(&self.b[start..self.i])
    }

    /// Skips a bracketed value by counting brackets outside strings.
    fn nested(&mut self) -> Option<()> {
        self.i += super::brackets::end_of_nested(&self.b[self.i..])?;
        Some(())
    }

    fn top_field(&mut self, key: &'a [u8], _: bool, fields: &mut Fields<'a>) -> Option<()> {
        match key {
            b"reason" => fields.reason = Some(self.string()?),
            b"$message_type" => fields.message_type = Some(self.string()?),
            b"package_id" => fields.package_id = Some(self.string()?),
            b"level" => fields.level = Some(self.string()?),
            b"code" => fields.code = self.code()?,
            b"rendered" => fields.rendered = self.raw_string_or_null()?,
            b"target" => fields.target = Some(self.value()?),
            b"success" => {
                fields.success = match self.value()? {
                    b"true" => Some(true),
                    b"false" => Some(false),
                    _ => None,
                }
            }
            b"message" if self.peek()? == b'"' => fields.text = Some(self.string()?),
            b"message" if self.peek()? == b'{' => {
                let start = self.i;
                self.object(|s, key, _| match key {
                    b"level" => {
                        fields.level = Some(s.string()?);
                        Some(())
                    }
                    b"rendered" => {
                        fields.rendered = s.raw_string_or_null()?;
                        Some(())
                    }
                    b"code" => {
                        fields.code = s.code()?;
                        Some(())
                    }
                    b"message" => {
                        fields.text = Some(s.string()?);
                        Some(())
                    }
                    _ => s.value().map(drop),
                })?;
                fields.message_object = Some(&self.b[start..self.i]);
            }
            _ => {
                self.value()?;
            }
        }
        Some(())
    }

    /// A diagnostic's `code`: `null`, or an object whose `code` string is wanted.
    fn code(&mut self) -> Option<Option<&'a [u8]>> {
        if self.peek()? != b'{' {
            return (self.value()? == b"null").then_some(None);
        }
        let mut code = None;
        self.object(|s, key, _| {
            if key == b"code" {
                code = Some(s.string()?);
                Some(())
            } else {
                s.value().map(drop)
            }
        })?;
        Some(code)
    }

    /// A string value with its quotes, or `None` for `null`.
    fn raw_string_or_null(&mut self) -> Option<Option<&'a [u8]>> {
        let start = self.i;
        if self.peek()? == b'"' {
            self.string()?;
            Some(Some(&self.b[start..self.i]))
        } else {
            (self.value()? == b"null").then_some(None)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_envelope_fields_and_the_message_level_not_a_childs() {
        let line = br#"{"reason":"compiler-message","package_id":"p 0.1","target":{"kind":["bin"],"name":"x"},"message":{"rendered":"error: a\n","children":[{"level":"note","code":{"code":"X"},"message":"}]\"{["}],"code":{"explanation":"{\"code\":1}","code":"E0277"},"level":"error","message":"a"}}"#;
        let f = scan(line).unwrap();
        assert_eq!(f.code, Some(&b"E0277"[..]));
        assert_eq!(f.text, Some(&b"a"[..]));
        assert_eq!(f.reason, Some(&b"compiler-message"[..]));
        assert_eq!(f.level, Some(&b"error"[..]));
        assert_eq!(f.package_id, Some(&b"p 0.1"[..]));
        assert_eq!(f.target, Some(&br#"{"kind":["bin"],"name":"x"}"#[..]));
        assert_eq!(f.rendered, Some(&br#""error: a\n""#[..]));
        assert!(f.message_object.is_some());
    }

    #[test]
    fn finds_bare_diagnostic_and_build_finished_fields() {
        let bare = br#"{"$message_type":"diagnostic","message":"m","code":null,"level":"warning","spans":[],"children":[],"rendered":null}"#;
        let f = scan(bare).unwrap();
        assert_eq!(f.message_type, Some(&b"diagnostic"[..]));
        assert_eq!(f.level, Some(&b"warning"[..]));
        assert_eq!(f.rendered, None);
        assert_eq!(f.text, Some(&b"m"[..]));
        assert!(f.message_object.is_none());
        let done = scan(br#"{"reason":"build-finished","success":false}"#).unwrap();
        assert_eq!(done.success, Some(false));
    }

    #[test]
    fn escaped_quotes_and_backslashes_end_strings_where_json_says() {
        let f = scan(br#"{"message":"a \"q\" \\","level":"x\\"}"#).unwrap();
        assert_eq!(f.text, Some(&br#"a \"q\" \\"#[..]));
        assert_eq!(f.level, Some(&br#"x\\"#[..]));
    }

    #[test]
    fn rejects_what_is_not_one_object() {
        for bad in [
            &b"{"[..],
            b"{\"a\":}",
            b"{\"a\":1}x",
            b"{\"a\":\"unterminated}",
            b"[1]",
            b"{\"a\":[1,2}",
            b"{\"a\":nope}",
            b"{\"a\":\"x\\",
        ] {
            assert_eq!(scan(bad), None, "{}", String::from_utf8_lossy(bad));
        }
        assert!(scan(b" { } ").is_some());
    }
}
