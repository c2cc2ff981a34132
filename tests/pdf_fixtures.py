"""Hand-written PDFs for tests: a tiny writer (numbered objects, a cross-reference table, a trailer) and the pages
the PDF tests need that a PDF library would not write (sizes in the text matrix, rotated text, GBK-EUC-H codes,
the standard security handler)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
PASSWORD_PADDING = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def pdf(objects: Sequence[bytes], trailer_extra: bytes = b"") -> bytes:
    """A PDF of ``objects`` (object 1 is the catalog; numbered from 1 in order) with a right cross-reference."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def stream(content: bytes, extra: bytes = b"") -> bytes:
    """A stream object's body."""
    return b"<< /Length %d %s>>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def pages_pdf(
    contents: Sequence[bytes],
    font: bytes = HELVETICA,
    size: tuple[int, int] = (595, 842),
    page_entries: bytes = b"",
    extra_objects: Sequence[bytes] = (),
) -> bytes:
    """A PDF with one page per content stream, all drawing with one font as /F1 (objects: catalog, pages, font,
    then a page and its content per page, then ``extra_objects``); ``page_entries`` go in every page's dictionary
    (``/Rotate 90 /CropBox [40 40 555 802]``)."""
    kids = b" ".join(b"%d 0 R" % (4 + 2 * index) for index in range(len(contents)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(contents)),
        font,
    ]
    for index, content in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R %s>>" % (size[0], size[1], 5 + 2 * index, page_entries)
        )
        objects.append(stream(content))
    return pdf([*objects, *extra_objects])


def text_page(text: bytes, matrix: str, font_size: float = 1) -> bytes:
    """A one-page PDF printing ``text`` in Helvetica set at ``font_size`` with the text matrix ``matrix``
    ("a b c d e f")."""
    return pages_pdf([b"BT /F1 %g Tf %s Tm (%s) Tj ET" % (font_size, matrix.encode(), text)])


def named_font_page(base_font: str) -> bytes:
    """A one-page PDF printing "Ab" in a TrueType font called ``base_font`` (not embedded: pdfium substitutes).
    The name is written in GBK, escaped (#B7#BD…), as Chinese PDF writers write 方正黑体."""
    name = "".join(
        char if char.isascii() else "".join(f"#{byte:02X}" for byte in char.encode("gbk")) for char in base_font
    )
    font = b"<< /Type /Font /Subtype /TrueType /BaseFont /%s /FirstChar 32 /LastChar 126 >>" % name.encode()
    return pages_pdf([b"BT /F1 12 Tf 72 700 Td (Ab) Tj ET"], font=font)


def cid_page(codes: Sequence[bytes], encoding: str = "GBK-EUC-H", ordering: str = "GB1", size: float = 10) -> bytes:
    """A one-page PDF printing each two-byte code alone in its own text string and text object (as Founder's
    pages place every character), with a Type0 font of ``encoding`` not embedded and without a ToUnicode map:
    GBK-EUC-H (the encoding pdfium has been seen to drop such characters of) or Identity-H with the Identity
    ordering (codes that are glyph numbers: nothing says which characters they print)."""
    name = b"ABCDEF+FZSSK--GBK1-0"
    font = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /%s /DescendantFonts [<< /Type /Font "
        b"/Subtype /CIDFontType0 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) /Ordering (%s) "
        b"/Supplement 0 >> /FontDescriptor << /Type /FontDescriptor /FontName /%s /Flags 6 "
        b"/FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 859 /StemV 80 >> "
        b"/DW 1000 >>] >>" % (name, encoding.encode(), name, ordering.encode(), name)
    )
    content = b"".join(
        b"BT /F1 %g Tf %g %g Td <%s> Tj ET\n"
        % (size, 50 + (index % 40) * 12, 800 - (index // 40) * 14, code.hex().encode())
        for index, code in enumerate(codes)
    )
    return pages_pdf([content], font=font)


def to_unicode_page(texts: Sequence[str]) -> bytes:
    """A one-page PDF printing codes 1, 2, … at 10 pt from (60, 780), in an Identity-H font (not embedded) whose
    ToUnicode map gives code ``n`` the text ``texts[n - 1]`` as UTF-16 (lone surrogates written as they are)."""
    entries = b"".join(
        b"<%04X> <%s>\n" % (code, text.encode("utf-16-be", "surrogatepass").hex().upper().encode())
        for code, text in enumerate(texts, start=1)
    )
    to_unicode = stream(
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        b"%d beginbfchar\n%sendbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end"
        % (len(texts), entries)
    )
    font = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [<< /Type /Font "
        b"/Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) "
        b"/Supplement 0 >> /FontDescriptor << /Type /FontDescriptor /FontName /SimSun /Flags 6 "
        b"/FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 859 /StemV 80 >> "
        b"/DW 1000 >>] /ToUnicode 6 0 R >>"
    )
    codes = b"".join(b"%04X" % code for code in range(1, len(texts) + 1))
    return pages_pdf([b"BT /F1 10 Tf 60 780 Td <%s> Tj ET" % codes], font=font, extra_objects=[to_unicode])


def figures_page() -> bytes:
    """A page with a text line, a 1×1 image drawn 100×80 at (100, 500)–(200, 580), a grey filled 60×40 rectangle
    at (300, 500), a thin rule and a white background rectangle (neither a picture)."""
    content = (
        b"1 1 1 rg 0 0 595 842 re f\n"
        b"0.5 g 300 500 60 40 re f\n"
        b"0 g 50 450 400 0.5 re f\n"
        b"q 100 0 0 80 100 500 cm /Im1 Do Q\n"
        b"BT /F1 12 Tf 72 700 Td (Pictures) Tj ET"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        HELVETICA,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> "
        b"/XObject << /Im1 6 0 R >> >> /Contents 5 0 R >>",
        stream(content),
        _grey_pixel(),
    ]
    return pdf(objects)


def form_figures_page() -> bytes:
    """A page drawing, at (100, 300), a form XObject (its /Matrix scaling by 2 and moving by (10, 20)) that holds a
    1×1 image drawn 100×80 and a grey 60×40 rectangle at (0, 100) of the form: on the page the image spans
    (110, 320)–(310, 480) and the rectangle (110, 520)–(230, 600)."""
    form = stream(
        b"q 100 0 0 80 0 0 cm /Im1 Do Q 0.5 g 0 100 60 40 re f",
        b"/Type /XObject /Subtype /Form /BBox [0 0 500 500] /Matrix [2 0 0 2 10 20] "
        b"/Resources << /XObject << /Im1 7 0 R >> >> ",
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        HELVETICA,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Fm1 6 0 R >> "
        b"/Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
        stream(b"q 1 0 0 1 100 300 cm /Fm1 Do Q BT /F1 12 Tf 72 100 Td (Form) Tj ET"),
        form,
        _grey_pixel(),
    ]
    return pdf(objects)


def _grey_pixel() -> bytes:
    return stream(
        b"\x80\x80\x80",
        b"/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 8 ",
    )


def stalling_pdf() -> bytes:
    """A page drawing a form XObject that draws itself twice: pdfium stops at a nesting depth, not at the loop,
    and is busy for hours on 2 ** depth forms."""
    form = stream(
        b"0 0 1 1 re f /Fm1 Do /Fm1 Do",
        b"/Type /XObject /Subtype /Form /BBox [0 0 9 9] /Resources << /XObject << /Fm1 5 0 R >> >> ",
    )
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Fm1 5 0 R >> >> "
            b"/Contents 4 0 R >>",
            stream(b"/Fm1 Do"),
            form,
        ]
    )


def encrypted_pdf(user_password: bytes = b"secret") -> bytes:
    """A one-page PDF encrypted with the standard security handler, revision 2 (RC4, 40-bit key), opened only
    with ``user_password`` (Algorithms 3.2–3.4 of the PDF 1.7 reference)."""
    file_id = hashlib.md5(b"jcviewer test").digest()
    owner_key = hashlib.md5(_padded(b"owner")).digest()[:5]
    owner_entry = _rc4(owner_key, _padded(user_password))
    permissions = -4
    key = hashlib.md5(
        _padded(user_password) + owner_entry + permissions.to_bytes(4, "little", signed=True) + file_id
    ).digest()[:5]
    user_entry = _rc4(key, PASSWORD_PADDING)
    content = _rc4(_object_key(key, 4), b"BT /F1 12 Tf 72 700 Td (Secret) Tj ET")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        stream(content),
        HELVETICA,
        b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>"
        % (owner_entry.hex().encode(), user_entry.hex().encode(), permissions),
    ]
    return pdf(objects, b"/Encrypt 6 0 R /ID [<%s> <%s>] " % (file_id.hex().encode(), file_id.hex().encode()))


def _padded(password: bytes) -> bytes:
    return (password + PASSWORD_PADDING)[:32]


def _object_key(key: bytes, number: int, generation: int = 0) -> bytes:
    digest = hashlib.md5(key + number.to_bytes(3, "little") + generation.to_bytes(2, "little")).digest()
    return digest[: min(len(key) + 5, 16)]


def _rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)
