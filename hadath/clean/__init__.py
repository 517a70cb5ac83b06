"""Cleaning: boilerplate removal, page metadata and article splitting.

``clean(raw)`` turns a :class:`~hadath.model.RawDocument` into the articles it
carries (usually one; a second full story after "إقرأ أيضاً" becomes its own
:class:`~hadath.model.Document` with ``part=1``) or a :class:`~hadath.model.Rejection`.

>>> from hadath.model import RawDocument
>>> body = "قال الوزير إن المحادثات مستمرة بين البلدين منذ أسابيع طويلة وإنها ستحقق نتائج قريبا."
>>> text = "عنوان الخبر المهم\\nعنوان الخبر المهم\\n[ad_1]\\n" + body + " وأضاف أن الوفد سيعود غدا."
>>> docs = clean(RawDocument(source="a.txt", content=text))
>>> docs[0].title, docs[0].removed
('عنوان الخبر المهم', ('عنوان الخبر المهم', 'عنوان الخبر المهم', '[ad_1]'))
"""

from hadath.clean.cleaner import CleanOptions, clean

__all__ = ["CleanOptions", "clean"]
