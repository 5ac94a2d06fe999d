"""Office files made here: a DOCX as Word writes it (its parts named in [Content_Types].xml,
the document in _rels, which LibreOffice needs to open it). Used by ``python -m bench ocr``,
the texts end-to-end tests and scripts/screenshots."""
import io
import zipfile
from xml.sax.saxutils import escape


def docx(paragraphs, *, headings=0):
    """A DOCX of these paragraphs, the first ``headings`` of them bold and larger."""
    def paragraph(number, text):
        style = '<w:rPr><w:b/><w:sz w:val="32"/></w:rPr>' if number < headings else ""
        return f"<w:p><w:r>{style}<w:t xml:space=\"preserve\">{escape(text)}</w:t></w:r></w:p>"
    body = "".join(paragraph(number, text) for number, text in enumerate(paragraphs))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
            'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>'))
        archive.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'))
        archive.writestr("word/document.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            f'wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>'))
    return out.getvalue()
