//! BER lengths made DER, so that RustCrypto's `der` (which reads DER only) can parse what
//! NCALayer writes: its CMS comes with indefinite lengths (`30 80 … 00 00`) and may carry
//! the encapsulated content as a constructed OCTET STRING. This rewrites only the framing:
//! every length becomes definite and minimal, and a constructed OCTET STRING becomes one
//! primitive. It reads no meaning; everything after is RustCrypto's `cms`, `x509-cert` and
//! `der`. The signed parts are re-encoded by those crates, never taken from here.

/// Nesting deeper than this is refused: indefinite lengths recurse, and a hostile blob must
/// not exhaust the stack.
const MAX_DEPTH: usize = 48;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotBer;

/// The DER framing of the one BER element `input` holds.
pub fn to_der(input: &[u8]) -> Result<Vec<u8>, NotBer> {
    let mut out = Vec::with_capacity(input.len());
    let rest = element(input, 0, &mut out)?;
    if rest.is_empty() {
        Ok(out)
    } else {
        Err(NotBer)
    }
}

/// Reads one element from `input`, writes it to `out`, and returns what follows it.
fn element<'a>(input: &'a [u8], depth: usize, out: &mut Vec<u8>) -> Result<&'a [u8], NotBer> {
    if depth > MAX_DEPTH {
        return Err(NotBer);
    }
    let (&tag, rest) = input.split_first().ok_or(NotBer)?;
    // High tag numbers do not occur in CMS or X.509.
    if tag & 0x1F == 0x1F || tag == 0 {
        return Err(NotBer);
    }
    let constructed = tag & 0x20 != 0;
    let (&first, mut rest) = rest.split_first().ok_or(NotBer)?;
    let indefinite = first == 0x80;
    let mut content = Vec::new();
    if indefinite {
        if !constructed {
            return Err(NotBer);
        }
        loop {
            if rest.starts_with(&[0, 0]) {
                rest = &rest[2..];
                break;
            }
            rest = element(rest, depth + 1, &mut content)?;
        }
    } else {
        let length = if first < 0x80 {
            usize::from(first)
        } else {
            let count = usize::from(first & 0x7F);
            if count > 4 || rest.len() < count {
                return Err(NotBer);
            }
            let (octets, after) = rest.split_at(count);
            rest = after;
            octets
                .iter()
                .fold(0usize, |n, &b| (n << 8) | usize::from(b))
        };
        if rest.len() < length {
            return Err(NotBer);
        }
        let (body, after) = rest.split_at(length);
        rest = after;
        if constructed {
            let mut inner = body;
            while !inner.is_empty() {
                inner = element(inner, depth + 1, &mut content)?;
            }
        } else {
            content.extend_from_slice(body);
        }
    }
    // A constructed OCTET STRING (BER's chunked form) is its chunks' contents, concatenated.
    let tag = if tag == 0x24 {
        content = octet_string_chunks(&content)?;
        0x04
    } else {
        tag
    };
    out.push(tag);
    write_length(content.len(), out);
    out.extend_from_slice(&content);
    Ok(rest)
}

/// The contents of the DER OCTET STRINGs that `chunks` (already DER) holds, in order.
fn octet_string_chunks(mut chunks: &[u8]) -> Result<Vec<u8>, NotBer> {
    let mut joined = Vec::new();
    while !chunks.is_empty() {
        if chunks[0] != 0x04 {
            return Err(NotBer);
        }
        let (length, header) = read_length(&chunks[1..]).ok_or(NotBer)?;
        let start = 1 + header;
        let end = start.checked_add(length).ok_or(NotBer)?;
        joined.extend_from_slice(chunks.get(start..end).ok_or(NotBer)?);
        chunks = &chunks[end..];
    }
    Ok(joined)
}

/// A definite length written by [`write_length`]: its value and how many octets it took.
fn read_length(input: &[u8]) -> Option<(usize, usize)> {
    let first = *input.first()?;
    if first < 0x80 {
        return Some((usize::from(first), 1));
    }
    let count = usize::from(first & 0x7F);
    let octets = input.get(1..1 + count)?;
    Some((
        octets.iter().fold(0, |n, &b| (n << 8) | usize::from(b)),
        1 + count,
    ))
}

fn write_length(length: usize, out: &mut Vec<u8>) {
    if length < 0x80 {
        out.push(length as u8);
        return;
    }
    let bytes = length.to_be_bytes();
    let skip = bytes.iter().take_while(|&&b| b == 0).count();
    out.push(0x80 | (bytes.len() - skip) as u8);
    out.extend_from_slice(&bytes[skip..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn der_stays_as_it_is() {
        let der = [0x30, 0x06, 0x02, 0x01, 0x05, 0x04, 0x01, 0xAA];
        assert_eq!(to_der(&der).unwrap(), der);
        let mut long = vec![0x04, 0x81, 200];
        long.extend(std::iter::repeat_n(7u8, 200));
        assert_eq!(to_der(&long).unwrap(), long);
    }

    #[test]
    fn indefinite_lengths_become_definite() {
        // SEQUENCE (indefinite) { [0] (indefinite) { INTEGER 1 } }
        let ber = [
            0x30, 0x80, 0xA0, 0x80, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00,
        ];
        assert_eq!(
            to_der(&ber).unwrap(),
            [0x30, 0x05, 0xA0, 0x03, 0x02, 0x01, 0x01]
        );
    }

    #[test]
    fn a_chunked_octet_string_becomes_one() {
        let ber = [
            0x24, 0x80, 0x04, 0x02, 0xAA, 0xBB, 0x04, 0x01, 0xCC, 0x00, 0x00,
        ];
        assert_eq!(to_der(&ber).unwrap(), [0x04, 0x03, 0xAA, 0xBB, 0xCC]);
    }

    #[test]
    fn malformed_input_is_refused() {
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
            assert_eq!(to_der(blob), Err(NotBer), "{blob:?}");
        }
        let deep: Vec<u8> = std::iter::repeat_n([0x30u8, 0x80], 100).flatten().collect();
        assert_eq!(to_der(&deep), Err(NotBer));
    }
}
