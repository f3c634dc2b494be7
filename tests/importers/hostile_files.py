"""Hostile Word files for the import limits: made here, byte by byte where zipfile would
refuse to make them (a zip bomb's sizes), from a real python-docx document otherwise."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import docx

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _base() -> dict[str, bytes]:
    document = docx.Document()
    document.add_paragraph("Minutes of the Meeting of Ridgeway Parish Council held on 3 March 2025")
    document.add_paragraph("1. Apologies")
    out = io.BytesIO()
    document.save(out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _with_body(parts: dict[str, bytes], body: str) -> dict[str, bytes]:
    xml = parts["word/document.xml"].decode("utf-8")
    start = xml.index("<w:body>") + len("<w:body>")
    parts["word/document.xml"] = (xml[:start] + body + xml[start:]).encode("utf-8")
    return parts


def numbered_from(start: int, fmt: str = "lowerRoman") -> bytes:
    """A list in roman numerals (or ``fmt``) that starts at ``start``."""
    parts = _base()
    parts["word/numbering.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W}>'
        f'<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="7"><w:abstractNumId w:val="7"/></w:num></w:numbering>'
    ).encode()
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    if "numbering.xml" not in rels:
        rels = rels.replace("</Relationships>", (
            '<Relationship Id="rIdNum" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/numbering" Target="numbering.xml"/></Relationships>'))
        parts["word/_rels/document.xml.rels"] = rels.encode("utf-8")
        types = parts["[Content_Types].xml"].decode("utf-8").replace("</Types>", (
            '<Override PartName="/word/numbering.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>'))
        parts["[Content_Types].xml"] = types.encode("utf-8")
    para = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr>'
            '<w:r><w:t>Apologies for absence</w:t></w:r></w:p>')
    return _zip(_with_body(parts, para * 3))


def spanning(span: int) -> bytes:
    """A one-row table whose only cell spans ``span`` columns."""
    table = (f'<w:tbl><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:tc><w:tcPr>'
             f'<w:gridSpan w:val="{span}"/></w:tcPr><w:p><w:r><w:t>Present: Councillor A Ford'
             '</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    return _zip(_with_body(_base(), table))


def many_paragraphs(count: int) -> bytes:
    """A document of ``count`` empty paragraphs (small zipped, huge as XML elements)."""
    return _zip(_with_body(_base(), "<w:p/>" * count))


def zip_bomb(unpacked: int = 3 * 1024 ** 3) -> bytes:
    """A .docx whose document part unpacks to ``unpacked`` bytes of zeros.

    The deflate stream is one fully flushed block of a megabyte of zeros repeated, so it
    is made in a moment; the CRC is left at 0, as a bomb need not be honest: nothing may
    unpack it far enough to find out.
    """
    mega = 1024 * 1024
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = squeeze.compress(b"\0" * mega) + squeeze.flush(zlib.Z_FULL_FLUSH)
    stream = block * (unpacked // mega) + b"\x03\x00"
    parts = _base()
    parts.pop("word/document.xml")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    head = out.getvalue()
    end = head.rindex(b"PK\x05\x06")
    central = head.index(b"PK\x01\x02")
    name = b"word/document.xml"
    offset = central
    local = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, 0, len(stream),
                        unpacked, len(name), 0) + name
    entry = struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, 0,
                        len(stream), unpacked, len(name), 0, 0, 0, 0, 0, offset) + name
    count = struct.unpack("<H", head[end + 10: end + 12])[0]
    directory = head[central:end] + entry
    tail = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, count + 1, count + 1,
                       len(directory), central + len(local) + len(stream), 0)
    return head[:central] + local + stream + directory + tail
