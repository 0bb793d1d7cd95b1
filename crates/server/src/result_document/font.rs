//! The one font of the generated documents, DejaVu Sans, cut down to the glyphs a document
//! uses.
//!
//! PDF's standard fonts have no Cyrillic, and a font that is not embedded is drawn with
//! whatever the reader substitutes (Acrobat's substitutes have no Cyrillic either), so the
//! names of the holder, the service and the provider need an embedded font. The whole of
//! DejaVu Sans is 740 KB; a document uses a few dozen glyphs. The subset keeps every glyph
//! id where it was (the PDF addresses glyphs by id, `CIDToGIDMap /Identity`) and empties
//! the glyphs it does not use, which needs no renumbering of composite glyphs.

use std::collections::BTreeSet;
use std::sync::OnceLock;

/// The tables a TrueType font embedded in a PDF needs (ISO 32000-1 §9.9, table 126 note):
/// outlines, metrics and the hinting programs the outlines' instructions call.
const KEPT_TABLES: [&[u8; 4]; 10] = [
    b"OS/2", b"cvt ", b"fpgm", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp", b"prep",
];

/// DejaVu Sans, parsed once.
pub fn dejavu_sans() -> Option<&'static Font> {
    static FONT: OnceLock<Option<Font>> = OnceLock::new();
    FONT.get_or_init(|| Font::parse(dejavu::sans::regular()))
        .as_ref()
}

/// A TrueType font: just what drawing text and subsetting need.
pub struct Font {
    data: &'static [u8],
    tables: Vec<([u8; 4], usize, usize)>,
    pub units_per_em: u16,
    /// xMin, yMin, xMax, yMax in font units.
    pub bbox: [i16; 4],
    pub ascent: i16,
    pub descent: i16,
    num_glyphs: u16,
    num_h_metrics: u16,
    long_offsets: bool,
    /// The Unicode BMP cmap (format 4).
    segments: Vec<Segment>,
}

struct Segment {
    start: u16,
    end: u16,
    delta: u16,
    /// Where this segment's id range offset is, from the start of the cmap table.
    range_offset_at: usize,
    range_offset: u16,
}

impl Font {
    pub fn parse(data: &'static [u8]) -> Option<Font> {
        let count = usize::from(read_u16(data, 4)?);
        let mut tables = Vec::with_capacity(count);
        for index in 0..count {
            let record = 12 + 16 * index;
            let tag: [u8; 4] = data.get(record..record + 4)?.try_into().ok()?;
            let offset = read_u32(data, record + 8)? as usize;
            let length = read_u32(data, record + 12)? as usize;
            data.get(offset..offset.checked_add(length)?)?;
            tables.push((tag, offset, length));
        }
        let mut font = Font {
            data,
            tables,
            units_per_em: 0,
            bbox: [0; 4],
            ascent: 0,
            descent: 0,
            num_glyphs: 0,
            num_h_metrics: 0,
            long_offsets: false,
            segments: Vec::new(),
        };
        let head = font.table(b"head")?;
        font.units_per_em = read_u16(head, 18)?;
        font.bbox = [
            read_i16(head, 36)?,
            read_i16(head, 38)?,
            read_i16(head, 40)?,
            read_i16(head, 42)?,
        ];
        font.long_offsets = read_i16(head, 50)? == 1;
        let hhea = font.table(b"hhea")?;
        font.ascent = read_i16(hhea, 4)?;
        font.descent = read_i16(hhea, 6)?;
        font.num_h_metrics = read_u16(hhea, 34)?;
        font.num_glyphs = read_u16(font.table(b"maxp")?, 4)?;
        font.segments = font.unicode_segments()?;
        (font.units_per_em > 0 && font.num_h_metrics > 0).then_some(font)
    }

    fn table(&self, tag: &[u8; 4]) -> Option<&'static [u8]> {
        let (_, offset, length) = self.tables.iter().find(|(t, _, _)| t == tag)?;
        self.data.get(*offset..offset + length)
    }

    /// The format 4 subtable of the Windows Unicode BMP cmap (3, 1).
    fn unicode_segments(&self) -> Option<Vec<Segment>> {
        let cmap = self.table(b"cmap")?;
        let subtables = usize::from(read_u16(cmap, 2)?);
        let offset = (0..subtables).find_map(|i| {
            let record = 4 + 8 * i;
            let windows_bmp = read_u16(cmap, record)? == 3 && read_u16(cmap, record + 2)? == 1;
            windows_bmp.then(|| read_u32(cmap, record + 4).map(|o| o as usize))?
        })?;
        let subtable = cmap.get(offset..)?;
        if read_u16(subtable, 0)? != 4 {
            return None;
        }
        let segments = usize::from(read_u16(subtable, 6)? / 2);
        let ends = 14;
        let starts = ends + 2 * segments + 2;
        let deltas = starts + 2 * segments;
        let range_offsets = deltas + 2 * segments;
        (0..segments)
            .map(|i| {
                Some(Segment {
                    end: read_u16(subtable, ends + 2 * i)?,
                    start: read_u16(subtable, starts + 2 * i)?,
                    delta: read_u16(subtable, deltas + 2 * i)?,
                    range_offset_at: offset + range_offsets + 2 * i,
                    range_offset: read_u16(subtable, range_offsets + 2 * i)?,
                })
            })
            .collect()
    }

    /// The glyph of a character; 0 (the "missing" glyph) when the font has none.
    pub fn glyph(&self, c: char) -> u16 {
        let Ok(code) = u16::try_from(u32::from(c)) else {
            return 0;
        };
        let Some(segment) = self
            .segments
            .iter()
            .find(|s| s.start <= code && code <= s.end)
        else {
            return 0;
        };
        if segment.range_offset == 0 {
            return code.wrapping_add(segment.delta);
        }
        // The id range offset counts from its own position in the cmap (OpenType, cmap format 4).
        let position = segment.range_offset_at
            + usize::from(segment.range_offset)
            + 2 * usize::from(code - segment.start);
        match self
            .table(b"cmap")
            .and_then(|cmap| read_u16(cmap, position))
        {
            Some(0) | None => 0,
            Some(glyph) => glyph.wrapping_add(segment.delta),
        }
    }

    /// A glyph's advance width in font units.
    pub fn advance(&self, glyph: u16) -> u16 {
        let Some(hmtx) = self.table(b"hmtx") else {
            return 0;
        };
        let index = glyph.min(self.num_h_metrics - 1);
        read_u16(hmtx, 4 * usize::from(index)).unwrap_or(0)
    }

    /// The width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| u32::from(self.advance(self.glyph(c))))
            .sum();
        units as f32 * size / f32::from(self.units_per_em)
    }

    fn glyph_data(&self, glyph: u16) -> Option<&'static [u8]> {
        let (loca, glyf) = (self.table(b"loca")?, self.table(b"glyf")?);
        let index = usize::from(glyph);
        let (start, end) = if self.long_offsets {
            (
                read_u32(loca, 4 * index)? as usize,
                read_u32(loca, 4 * index + 4)? as usize,
            )
        } else {
            (
                2 * usize::from(read_u16(loca, 2 * index)?),
                2 * usize::from(read_u16(loca, 2 * index + 2)?),
            )
        };
        glyf.get(start..end)
    }

    /// The glyphs a composite glyph is built from.
    fn components(&self, glyph: u16) -> Vec<u16> {
        const ARGS_ARE_WORDS: u16 = 0x0001;
        const HAS_SCALE: u16 = 0x0008;
        const MORE_COMPONENTS: u16 = 0x0020;
        const HAS_X_AND_Y_SCALE: u16 = 0x0040;
        const HAS_TWO_BY_TWO: u16 = 0x0080;
        let mut found = Vec::new();
        let Some(data) = self.glyph_data(glyph) else {
            return found;
        };
        if data.len() < 10 || read_i16(data, 0).unwrap_or(0) >= 0 {
            return found;
        }
        let mut at = 10;
        while let (Some(flags), Some(component)) = (read_u16(data, at), read_u16(data, at + 2)) {
            found.push(component);
            at += 4 + if flags & ARGS_ARE_WORDS != 0 { 4 } else { 2 };
            at += if flags & HAS_SCALE != 0 {
                2
            } else if flags & HAS_X_AND_Y_SCALE != 0 {
                4
            } else if flags & HAS_TWO_BY_TWO != 0 {
                8
            } else {
                0
            };
            if flags & MORE_COMPONENTS == 0 {
                break;
            }
        }
        found
    }

    /// A TrueType font with only `used` (and what they are built from) drawn, every glyph id
    /// unchanged, and the glyphs after the last used one left out.
    pub fn subset(&self, used: &BTreeSet<u16>) -> Vec<u8> {
        let mut keep: BTreeSet<u16> = BTreeSet::from([0]);
        let mut pending: Vec<u16> = used
            .iter()
            .copied()
            .filter(|g| *g < self.num_glyphs)
            .collect();
        while let Some(glyph) = pending.pop() {
            if keep.insert(glyph) {
                pending.extend(
                    self.components(glyph)
                        .into_iter()
                        .filter(|g| *g < self.num_glyphs),
                );
            }
        }
        let count = keep.last().map_or(1, |last| last + 1);

        let mut glyf = Vec::new();
        let mut loca = Vec::with_capacity(4 * (usize::from(count) + 1));
        for glyph in 0..count {
            loca.extend_from_slice(&(glyf.len() as u32).to_be_bytes());
            if keep.contains(&glyph) {
                glyf.extend_from_slice(self.glyph_data(glyph).unwrap_or_default());
                while glyf.len() % 4 != 0 {
                    glyf.push(0);
                }
            }
        }
        loca.extend_from_slice(&(glyf.len() as u32).to_be_bytes());

        let h_metrics = self.num_h_metrics.min(count);
        let hmtx_source = self.table(b"hmtx").unwrap_or_default();
        let long = 4 * usize::from(h_metrics);
        let short = 2 * usize::from(count - h_metrics);
        let full_long = 4 * usize::from(self.num_h_metrics);
        let mut hmtx = hmtx_source.get(..long).unwrap_or_default().to_vec();
        hmtx.extend_from_slice(
            hmtx_source
                .get(full_long..full_long + short)
                .unwrap_or_default(),
        );

        let mut tables: Vec<([u8; 4], Vec<u8>)> = Vec::new();
        for tag in KEPT_TABLES {
            let data = match tag {
                b"glyf" => glyf.clone(),
                b"loca" => loca.clone(),
                b"hmtx" => hmtx.clone(),
                _ => match self.table(tag) {
                    Some(data) => data.to_vec(),
                    None => continue,
                },
            };
            let mut data = data;
            match tag {
                b"head" => {
                    write_u32(&mut data, 8, 0); // checkSumAdjustment, set below
                    write_u16(&mut data, 50, 1); // long loca offsets
                }
                b"hhea" => write_u16(&mut data, 34, h_metrics),
                b"maxp" => write_u16(&mut data, 4, count),
                _ => {}
            }
            tables.push((*tag, data));
        }
        assemble(tables)
    }
}

/// The font file: the table directory, then the tables, each 4-byte aligned with its checksum.
fn assemble(tables: Vec<([u8; 4], Vec<u8>)>) -> Vec<u8> {
    let count = tables.len() as u16;
    let entry_selector = 15 - count.leading_zeros() as u16;
    let search_range = 16u16 << entry_selector;
    let mut font = Vec::new();
    font.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    for value in [
        count,
        search_range,
        entry_selector,
        count * 16 - search_range,
    ] {
        font.extend_from_slice(&value.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, data) in &tables {
        font.extend_from_slice(tag);
        font.extend_from_slice(&checksum(data).to_be_bytes());
        font.extend_from_slice(&(offset as u32).to_be_bytes());
        font.extend_from_slice(&(data.len() as u32).to_be_bytes());
        if tag == b"head" {
            head_at = Some(offset);
        }
        offset += data.len().next_multiple_of(4);
    }
    for (_, data) in &tables {
        font.extend_from_slice(data);
        font.resize(font.len().next_multiple_of(4), 0);
    }
    if let Some(head) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&font));
        write_u32(&mut font, head + 8, adjustment);
    }
    font
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

fn read_u16(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn read_i16(data: &[u8], at: usize) -> Option<i16> {
    read_u16(data, at).map(|v| v as i16)
}

fn read_u32(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

fn write_u16(data: &mut [u8], at: usize, value: u16) {
    if let Some(slot) = data.get_mut(at..at + 2) {
        slot.copy_from_slice(&value.to_be_bytes());
    }
}

fn write_u32(data: &mut [u8], at: usize, value: u32) {
    if let Some(slot) = data.get_mut(at..at + 4) {
        slot.copy_from_slice(&value.to_be_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn font() -> &'static Font {
        dejavu_sans().expect("DejaVu Sans parses")
    }

    #[test]
    fn every_kazakh_letter_has_a_glyph() {
        let font = font();
        for c in "АаЁёЯяӘәҒғҚқҢңӨөҰұҮүҺһІі«»№-0123456789ABCxyz".chars()
        {
            assert_ne!(font.glyph(c), 0, "{c}");
            assert!(font.advance(font.glyph(c)) > 0, "{c}");
        }
        assert_eq!(
            font.glyph('\u{E000}'),
            0,
            "a private-use character has no glyph"
        );
        assert_eq!(font.glyph('😀'), 0, "beyond the BMP");
    }

    #[test]
    fn widths_add_up() {
        let font = font();
        let one = font.width("Ә", 10.0);
        assert!(one > 0.0);
        assert!((font.width("ӘӘӘ", 10.0) - 3.0 * one).abs() < 0.001);
    }

    #[test]
    fn the_subset_keeps_the_used_glyphs_at_their_ids_and_drops_the_rest() {
        let font = font();
        let used: BTreeSet<u16> = "Қазақстан".chars().map(|c| font.glyph(c)).collect();
        let subset = font.subset(&used);
        assert!(subset.len() < 60_000, "{} bytes", subset.len());
        let data: &'static [u8] = Box::leak(subset.into_boxed_slice());
        let parsed = Font::parse_outlines(data).expect("the subset parses");
        for glyph in &used {
            assert_eq!(
                parsed.glyph_data(*glyph),
                font.glyph_data(*glyph),
                "glyph {glyph}"
            );
            assert_eq!(parsed.advance(*glyph), font.advance(*glyph));
        }
        let unused = font.glyph('Ж');
        assert!(unused < parsed.num_glyphs && !used.contains(&unused));
        assert_eq!(parsed.glyph_data(unused).map(<[u8]>::len), Some(0));
        assert_eq!(checksum(data), 0xB1B0_AFBA, "the whole-font checksum holds");
    }

    #[test]
    fn composite_glyphs_bring_their_parts() {
        let font = font();
        let composite = (0..font.num_glyphs)
            .find(|g| !font.components(*g).is_empty())
            .expect("DejaVu has composite glyphs");
        let subset = font.subset(&BTreeSet::from([composite]));
        let data: &'static [u8] = Box::leak(subset.into_boxed_slice());
        let parsed = Font::parse_outlines(data).unwrap();
        for part in font.components(composite) {
            assert!(!parsed.glyph_data(part).unwrap_or_default().is_empty());
        }
    }

    impl Font {
        /// A subset has no cmap: parse it for its outlines and metrics only.
        fn parse_outlines(data: &'static [u8]) -> Option<Font> {
            let count = usize::from(read_u16(data, 4)?);
            let tables = (0..count)
                .map(|i| {
                    let record = 12 + 16 * i;
                    Some((
                        data.get(record..record + 4)?.try_into().ok()?,
                        read_u32(data, record + 8)? as usize,
                        read_u32(data, record + 12)? as usize,
                    ))
                })
                .collect::<Option<Vec<_>>>()?;
            let mut font = Font {
                data,
                tables,
                units_per_em: 0,
                bbox: [0; 4],
                ascent: 0,
                descent: 0,
                num_glyphs: 0,
                num_h_metrics: 0,
                long_offsets: false,
                segments: Vec::new(),
            };
            font.long_offsets = read_i16(font.table(b"head")?, 50)? == 1;
            font.num_h_metrics = read_u16(font.table(b"hhea")?, 34)?;
            font.num_glyphs = read_u16(font.table(b"maxp")?, 4)?;
            Some(font)
        }
    }
}
