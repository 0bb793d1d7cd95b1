//! Just enough of ASN.1 BER/DER to walk a CMS signature: tag-length-value elements with
//! definite lengths, and the indefinite lengths that NCALayer writes (`30 80 … 00 00`).
//! Anything else (high tag numbers, lengths over 4 bytes, nesting deeper than
//! [`MAX_DEPTH`]) is refused rather than guessed at.

pub const SEQUENCE: u8 = 0x30;
pub const SET: u8 = 0x31;
pub const INTEGER: u8 = 0x02;
pub const OCTET_STRING: u8 = 0x04;
pub const OID: u8 = 0x06;
pub const UTC_TIME: u8 = 0x17;
pub const GENERALIZED_TIME: u8 = 0x18;
/// `[0]` and `[1]`, constructed: explicit tags and implicit SETs in CMS.
pub const CONTEXT_0: u8 = 0xA0;
pub const CONTEXT_1: u8 = 0xA1;

/// Indefinite lengths nest by recursion; a hostile blob must not exhaust the stack.
const MAX_DEPTH: usize = 64;

/// A malformed encoding: the blob is not what it claims to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Element<'a> {
    pub tag: u8,
    /// The contents, without the end-of-contents octets of an indefinite length.
    pub content: &'a [u8],
    /// The whole element as encoded, header included.
    pub raw: &'a [u8],
}

impl<'a> Element<'a> {
    /// The one element `input` holds, with nothing after it.
    pub fn parse(input: &'a [u8]) -> Result<Element<'a>, Malformed> {
        let (element, rest) = read(input, 0)?;
        if rest.is_empty() {
            Ok(element)
        } else {
            Err(Malformed)
        }
    }

    /// The elements inside a constructed one.
    pub fn children(&self) -> Children<'a> {
        Children { rest: self.content }
    }

    /// This element if it has `tag`.
    pub fn expect(self, tag: u8) -> Result<Element<'a>, Malformed> {
        if self.tag == tag {
            Ok(self)
        } else {
            Err(Malformed)
        }
    }
}

pub struct Children<'a> {
    rest: &'a [u8],
}

impl<'a> Children<'a> {
    /// The next element, which must be there and have `tag`.
    pub fn next_tagged(&mut self, tag: u8) -> Result<Element<'a>, Malformed> {
        self.next().ok_or(Malformed)??.expect(tag)
    }

    /// The next element if it has `tag`; otherwise nothing is consumed.
    pub fn optional(&mut self, tag: u8) -> Result<Option<Element<'a>>, Malformed> {
        if self.rest.first() != Some(&tag) {
            return Ok(None);
        }
        self.next().transpose()
    }
}

impl<'a> Iterator for Children<'a> {
    type Item = Result<Element<'a>, Malformed>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        match read(self.rest, 0) {
            Ok((element, rest)) => {
                self.rest = rest;
                Some(Ok(element))
            }
            Err(error) => {
                self.rest = &[];
                Some(Err(error))
            }
        }
    }
}

fn read(input: &[u8], depth: usize) -> Result<(Element<'_>, &[u8]), Malformed> {
    if depth > MAX_DEPTH {
        return Err(Malformed);
    }
    let (&tag, after_tag) = input.split_first().ok_or(Malformed)?;
    if tag & 0x1F == 0x1F || tag == 0 {
        return Err(Malformed);
    }
    let (&first, after_length) = after_tag.split_first().ok_or(Malformed)?;
    let header = input.len() - after_length.len();
    if first == 0x80 {
        return read_indefinite(input, tag, header, depth);
    }
    let (length, header) = if first < 0x80 {
        (usize::from(first), header)
    } else {
        let count = usize::from(first & 0x7F);
        if count > 4 || after_length.len() < count {
            return Err(Malformed);
        }
        let length = after_length[..count]
            .iter()
            .fold(0usize, |length, &byte| (length << 8) | usize::from(byte));
        (length, header + count)
    };
    let end = header.checked_add(length).ok_or(Malformed)?;
    if input.len() < end {
        return Err(Malformed);
    }
    Ok((
        Element {
            tag,
            content: &input[header..end],
            raw: &input[..end],
        },
        &input[end..],
    ))
}

/// An indefinite length runs until the end-of-contents octets `00 00` at its own level, so
/// its children are read to find where it ends. Only constructed elements may have one.
fn read_indefinite(
    input: &[u8],
    tag: u8,
    header: usize,
    depth: usize,
) -> Result<(Element<'_>, &[u8]), Malformed> {
    if tag & 0x20 == 0 {
        return Err(Malformed);
    }
    let mut rest = &input[header..];
    loop {
        if rest.starts_with(&[0, 0]) {
            let content_end = input.len() - rest.len();
            let end = content_end + 2;
            return Ok((
                Element {
                    tag,
                    content: &input[header..content_end],
                    raw: &input[..end],
                },
                &input[end..],
            ));
        }
        let (_, after) = read(rest, depth + 1)?;
        rest = after;
    }
}

/// The DER contents of an OBJECT IDENTIFIER, written as its arcs' encoded bytes.
pub mod oid {
    /// 1.2.840.113549.1.7.1, id-data.
    pub const DATA: &[u8] = &[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x01];
    /// 1.2.840.113549.1.7.2, id-signedData.
    pub const SIGNED_DATA: &[u8] = &[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02];
    /// 1.2.840.113549.1.9.4, id-messageDigest.
    pub const MESSAGE_DIGEST: &[u8] = &[0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x04];
    /// 2.16.840.1.101.3.4.2.1, id-sha256.
    pub const SHA256: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01];
    /// 2.5.4.5, serialNumber: Kazakh certificates write `IIN<12 digits>` there.
    pub const SERIAL_NUMBER: &[u8] = &[0x55, 0x04, 0x05];
    /// 2.5.4.11, organizationalUnitName: `BIN<12 digits>` for an organisation's key.
    pub const ORGANIZATIONAL_UNIT: &[u8] = &[0x55, 0x04, 0x0B];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definite_and_long_lengths_are_read() {
        let element = Element::parse(&[0x30, 0x03, 0x02, 0x01, 0x05]).unwrap();
        assert_eq!(element.tag, SEQUENCE);
        let child = element.children().next_tagged(INTEGER).unwrap();
        assert_eq!(child.content, &[0x05]);

        let mut long = vec![0x04, 0x81, 200];
        long.extend(std::iter::repeat_n(7u8, 200));
        assert_eq!(Element::parse(&long).unwrap().content.len(), 200);
    }

    #[test]
    fn indefinite_lengths_end_at_their_own_end_of_contents() {
        // SEQUENCE (indefinite) { [0] (indefinite) { INTEGER 1 } } then nothing.
        let blob = [
            0x30, 0x80, 0xA0, 0x80, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00,
        ];
        let outer = Element::parse(&blob).unwrap();
        let inner = outer.children().next_tagged(CONTEXT_0).unwrap();
        assert_eq!(inner.children().next_tagged(INTEGER).unwrap().content, &[1]);
        assert_eq!(outer.raw.len(), blob.len());
    }

    #[test]
    fn malformed_input_is_refused_not_trusted() {
        for blob in [
            &[][..],
            &[0x30],
            &[0x30, 0x05, 0x02],
            &[0x30, 0x85, 1, 1, 1, 1, 1],
            &[0x04, 0x80, 0x00, 0x00],
            &[0x30, 0x80, 0x02, 0x01, 0x01],
            &[0x1F, 0x01, 0x00],
            &[0x30, 0x00, 0x00],
        ] {
            assert_eq!(Element::parse(blob), Err(Malformed), "{blob:?}");
        }
        let deep: Vec<u8> = std::iter::repeat_n([0x30u8, 0x80], 100).flatten().collect();
        assert_eq!(Element::parse(&deep), Err(Malformed));
    }

    #[test]
    fn optional_elements_are_skipped_when_absent() {
        let element = Element::parse(&[0x30, 0x03, 0x02, 0x01, 0x05]).unwrap();
        let mut children = element.children();
        assert_eq!(children.optional(CONTEXT_0).unwrap(), None);
        assert!(children.optional(INTEGER).unwrap().is_some());
        assert!(children.next().is_none());
    }
}
