//! The smallest ZIP writer a DOCX needs: deflated entries, no ZIP64, no encryption,
//! a fixed date (1980-01-01) so the same report gives the same bytes. The deflate and
//! CRC-32 crates were already in the tree (the PNG encoder uses them).

use std::io::Write;

use flate2::Compression;
use flate2::write::DeflateEncoder;

struct Entry {
    name: String,
    crc: u32,
    compressed: u32,
    size: u32,
    offset: u32,
    method: u16,
}

/// A ZIP archive being written into memory.
#[derive(Default)]
pub struct Zip {
    out: Vec<u8>,
    entries: Vec<Entry>,
}

fn u16le(v: &mut Vec<u8>, x: u16) {
    v.extend_from_slice(&x.to_le_bytes());
}

fn u32le(v: &mut Vec<u8>, x: u32) {
    v.extend_from_slice(&x.to_le_bytes());
}

/// 1980-01-01 00:00 in MS-DOS form.
const DOS_DATE: u16 = 0x0021;

impl Zip {
    /// Adds a file; `deflate` compresses it (not worth it for a PNG).
    pub fn add(&mut self, name: &str, data: &[u8], deflate: bool) -> Result<(), String> {
        let too_big = || format!("{name} is too large for a DOCX");
        let body = if deflate {
            let mut enc = DeflateEncoder::new(Vec::new(), Compression::fast());
            enc.write_all(data).map_err(|e| e.to_string())?;
            enc.finish().map_err(|e| e.to_string())?
        } else {
            data.to_vec()
        };
        let entry = Entry {
            name: name.to_string(),
            crc: crc32fast::hash(data),
            compressed: u32::try_from(body.len()).map_err(|_| too_big())?,
            size: u32::try_from(data.len()).map_err(|_| too_big())?,
            offset: u32::try_from(self.out.len()).map_err(|_| too_big())?,
            method: if deflate { 8 } else { 0 },
        };
        let o = &mut self.out;
        u32le(o, 0x0403_4b50);
        u16le(o, 20); // version needed: 2.0
        u16le(o, 0x0800); // names are UTF-8
        u16le(o, entry.method);
        u16le(o, 0); // time
        u16le(o, DOS_DATE);
        u32le(o, entry.crc);
        u32le(o, entry.compressed);
        u32le(o, entry.size);
        u16le(o, u16::try_from(name.len()).map_err(|_| too_big())?);
        u16le(o, 0);
        o.extend_from_slice(name.as_bytes());
        o.extend_from_slice(&body);
        self.entries.push(entry);
        Ok(())
    }

    /// Writes the central directory and returns the archive.
    pub fn finish(mut self) -> Result<Vec<u8>, String> {
        let start = u32::try_from(self.out.len()).map_err(|_| "the DOCX is too large")?;
        for e in &self.entries {
            let o = &mut self.out;
            u32le(o, 0x0201_4b50);
            u16le(o, 20); // made by: 2.0
            u16le(o, 20);
            u16le(o, 0x0800);
            u16le(o, e.method);
            u16le(o, 0);
            u16le(o, DOS_DATE);
            u32le(o, e.crc);
            u32le(o, e.compressed);
            u32le(o, e.size);
            u16le(o, e.name.len() as u16);
            u16le(o, 0); // extra
            u16le(o, 0); // comment
            u16le(o, 0); // disk
            u16le(o, 0); // internal attributes
            u32le(o, 0); // external attributes
            u32le(o, e.offset);
            o.extend_from_slice(e.name.as_bytes());
        }
        let size = u32::try_from(self.out.len()).map_err(|_| "the DOCX is too large")? - start;
        let count = u16::try_from(self.entries.len()).map_err(|_| "too many parts")?;
        let o = &mut self.out;
        u32le(o, 0x0605_4b50);
        u16le(o, 0);
        u16le(o, 0);
        u16le(o, count);
        u16le(o, count);
        u32le(o, size);
        u32le(o, start);
        u16le(o, 0);
        Ok(self.out)
    }
}
