"""Named people, their gender, whether they are quoted, and their role.

Works on normalised text (see :mod:`auditor.text`) and returns spans in that text; the engine maps
them back to the caller's string.

1. Candidates are runs of capitalised words. Leading honorifics, titles, countries and sentence
   starters are peeled off into the run's *prefix* ("Tổng thống Nga Vladimir Putin" -> prefix
   "tổng thống nga", core "Vladimir Putin").
2. A core is a person when a title or honorific stands before it, when it has the shape of a
   Vietnamese full name (a known surname + 1-3 syllables; a rare surname with an age after it), or,
   for foreign-looking names, when there is evidence: a known given name, an initial ("A. Robben"),
   a title before or after it (also "tay vợt Tây Ban Nha, X", "thư ký ... là X", "X của Club"),
   an age, or its bare surname speaking or followed by a pronoun. Names without a surname
   ("Quốc Anh") count when listed next to a person; "Minh “Sứt”" is a given name and a nickname.
   A place or organisation word before it ("đường Lê Lợi", "trường Nguyễn Du", "tại X"), an address
   bracket "(1984, Lê Lợi, Hà Nội)" or a title-cased organisation name rules it out.
3. Mentions are grouped: a shorter form joins the fuller name it ends with ("ông Hùng" ->
   "Nguyễn Văn Hùng", "ông Comey" -> "James Comey").
4. Gender: honorifics and kin words over all mentions (bà, chị -> F; ông, anh -> M), then the name
   ("Thị" -> F, "Văn" -> M, the name-gender table); otherwise U. Unknown is an answer, never a guess.
5. Quoted: the person is the subject of a speech verb (cho biết, nói, khẳng định...) and opens its
   clause, is named after "theo"/"dẫn lời" (titles and their office may stand between), answers in
   an interview ("- Ông X: ..." or the one person a question-and-answer piece is about), or a
   pronoun that refers to them ("ông nói", "- cô nói -") speaks. Letters, declined comments and
   idioms ("nói thành thạo tiếng Anh") are not speech.
6. Role: the nearest title (official, expert, business, celebrity), else crime/victim context,
   else citizen for people named with an honorific, else other.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from auditor.audit.rules import load_yaml
from auditor.text import Span, fold, lower_keep_length, split_sentences

# Tokens and phrases repeat across articles: fold each once.
_fold = functools.lru_cache(maxsize=1 << 16)(fold)

_DATA = Path(__file__).resolve().parents[1] / "data" / "name_gender.json"

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")
# A Vietnamese syllable: optional onset, vowel nucleus, optional coda (on folded text).
_VOWELS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
_VIET_SYLLABLE = re.compile(
    r"^(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnpqrstvx])?[" + _VOWELS + r"]{1,3}(?:ch|ng|nh|[cmnpt])?$"
)
_NON_SURNAMES = {"thị", "văn", "đình", "công", "hữu", "bá", "minh", "ngọc", "thanh", "xuân", "thu", "hồng",
                 "kim", "bảo", "quang", "đức", "anh", "hoài", "thế", "tiến", "duy", "chí", "mạnh"}
_MIN_SURNAME_COUNT = 8
_UPPER = "".join(chr(c) for c in range(0x41, 0x1F00) if chr(c).isupper() and chr(c).isalpha())
_CAP_WORD = "[" + _UPPER + r"][\w]*(?:[-'’]\w+)*"
# A run of capitalised words separated by single spaces; a middle initial may carry a period
# ("George W. Bush", "V. Gorbatko").
_CAP_RUN = re.compile(r"(?<![\w])" + _CAP_WORD + r"(?:(?: |(?<=(?<!\w)[" + _UPPER + r"])\. )" + _CAP_WORD + ")*")
_SUSPECT_PREDICATE = re.compile(r"(?<!\w)(?:bị bắt(?!\s+cóc)|bị tạm giữ|bị tạm giam|bị khởi tố|bị truy nã|bị truy tố|bị tuyên phạt|"
                                r"lãnh án|khai nhận|bị xử phạt|bị kết án|bị cáo buộc|"
                                # a sentence: "Phạm Văn A 10 năm tù", "cùng lĩnh 4 năm tù", "án treo"
                                r"(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?:năm|tháng)\s+tù|tù\s+chung\s+thân|"
                                r"án\s+treo|tử\s+hình|bỏ\s+trốn|bị\s+truy\s+cứu)(?!\w)")
_VICTIM_PREDICATE = re.compile(r"(?<!\w)(?:là nạn nhân|là người bị hại|bị thương|tử vong|thiệt mạng|bị đánh|"
                               r"bị sát hại|bị giết|bị bắt cóc|bị lừa|bị xâm hại|bị cướp|được cấp cứu|bị bỏng|chết|tử nạn|"
                               r"gặp nạn|bị nạn|mất tích|bị đâm|bị chém|mắc bệnh|nhiễm bệnh)(?!\w)")
_BUSINESS_PREDICATE = re.compile(r"(?<!\w)(?:kinh doanh|buôn bán|làm chủ|thành lập|mở quán|mở cửa hàng|mở xưởng|"
                                 r"mở công ty|nắm \d+\s?% (?:phần )?vốn|cổ đông)(?!\w)")
# What happens to a person right after the name, in the passive ("X bị bắt", "X, 45 tuổi, bị sát hại"):
# the sentence's own words about them outweigh a job title ("Phó tổng giám đốc X bị tạm giam").
_NAME_TAIL = r"\s*(?:\([^()]{0,40}\)\s*)?(?:,\s*\d{1,3}\s*tuổi\s*,?\s*)?(?:(?:đã|cũng|vừa|mới|đang|từng)\s+)?"
_PASSIVE_SUSPECT_AFTER = re.compile(_NAME_TAIL + r"(?:bị\s+(?:bắt(?!\s+(?:cóc|gặp|chước|nạt|buộc|đầu|tay|mắt|kịp|nhịp|bài|lỗi|sóng|thăm))|tạm giữ|tạm giam|khởi tố|truy nã|truy tố|"
                                    r"kết án|cáo buộc|tình nghi|buộc tội|tuyên phạt|kết tội|đưa ra xét xử)|lãnh án)(?!\w)")
_PASSIVE_VICTIM_AFTER = re.compile(_NAME_TAIL + r"(?:bị\s+(?:sát hại|giết|bắt cóc|đâm|chém|bắn|cướp|xâm hại|hành hung|"
                                   r"tấn công|thương|bỏng|mắc kẹt|kẹt|nạn|đè)|thiệt mạng|tử vong|tử nạn|gặp nạn|"
                                   r"mất tích|được cứu|được giải cứu|thoát chết)(?!\w)")
# ... and what is done to them right before it: "sát hại anh X", "đâm chết ông X", "giải cứu bà X" (a
# victim), "lệnh bắt khẩn cấp đối với ông X", "khởi tố bị can X" (a suspect).
_OBJECT_HONORIFIC = r"\s+(?:(?:anh|chị|ông|bà|cháu|em|bé|cô|cụ|nạn nhân|người bị hại)\s+)?$"
_HARMED_BEFORE = re.compile(r"(?<!\w)(?:sát hại|giết(?:\s+chết|\s+hại)?|đâm(?:\s+chết)?|chém(?:\s+chết)?|bắn(?:\s+chết)?|"
                            r"đánh(?:\s+chết|\s+đập|\s+trọng thương)?|lừa(?:\s+gạt|\s+đảo)?|"
                            r"bắt cóc|hành hung|hiếp dâm|cưỡng hiếp|xâm hại|gây thương tích cho|dụ(?:\s+dỗ)?|"
                            r"(?:cướp|trộm|chiếm đoạt|cưỡng đoạt)(?:\s+(?:tài sản|tiền|xe))?\s+của|"
                            r"giải cứu|thi thể(?:\s+của)?)" + _OBJECT_HONORIFIC)
_ARRESTED_BEFORE = re.compile(r"(?<!\w)(?:bắt(?:\s+giữ|\s+khẩn cấp|\s+tạm giam|\s+quả tang)?|tạm giữ|tạm giam|khởi tố|truy nã|"
                              r"truy tố|phiên xử|phiên thẩm vấn|kết án|lệnh bắt(?:\s+khẩn cấp)?)(?:\s+\d+\s+(?:ngày|tháng|năm))?"
                              r"(?:\s+(?:đối\s+)?với(?:\s+(?:nhà báo|phóng viên|doanh nhân|giám đốc|cán bộ|công dân))?)?"
                              r"(?:\s+(?:bị can|bị cáo|đối tượng))?\s+(?:(?:anh|chị|ông|bà)\s+)?$")
# A wrongful conviction ("án oan", "minh oan", said twice: not a question "có oan sai không?"): the
# article's arrested and sentenced are its victims, and so are those a court apologises to or
# compensates ("xin lỗi công khai ông X").
_WRONGFUL = re.compile(r"(?<!\w)(?:oan sai|án oan|xử oan|bị oan|kết án oan|kết tội oan|minh oan|oan ức|bắt oan|giam oan)(?!\w)")
# A name that ends a possessive ("một cố vấn của Phó Tổng thống X bị kết tội"): what follows is said of
# the head noun, not of X.
_POSSESSOR_BEFORE = re.compile(r"(?<!\w)của(?:\s+[^\s,.;:!?()“”\"]+){0,5}\s+$")
_REDRESSED_BEFORE = re.compile(r"(?<!\w)(?:xin lỗi(?:\s+công khai)?|bồi thường cho|minh oan cho)" + _OBJECT_HONORIFIC)
# Between a title and a name: another clause's verb says the title is its subject's, not the name's
# ("Một cán bộ Ban quản lý chợ kể lại, khoảng 8h sáng, chị X"; "Chánh án Y cho biết đã mời ông X").
_TITLE_HOLDER_VERB = re.compile(r"(?<!\w)(?:cho biết|kể lại|cho hay|cho rằng|nói|khẳng định|thông báo|tuyên bố|mời|yêu cầu|"
                                r"đề nghị|chỉ đạo|sa thải|cách chức|xin lỗi|trao|tặng)(?!\w)")
# Words of a clause of its own between a title and an honorific's name: "một cảnh sát đã với tay rút
# chìa khóa xe nên anh X" (the title is the policeman's); not "Giám đốc Sở Y tế Hà Nội, ông X".
_CLAUSE_BETWEEN = re.compile(r"(?<!\w)(?:đã|đang|sẽ|nên|thì|rồi|mà|khi|lúc|vì|do|được|bị|để|cho|còn)(?!\w)")
# ... and, before any name, an auxiliary that opens the title holder's own predicate: "Công an huyện đã
# bắt giữ nhóm gồm X" (the police's title is not X's).
_AUXILIARY_BETWEEN = re.compile(r"(?<!\w)(?:đã|đang|sẽ|vừa|được|bị)(?!\w)")
_AGE_PART = re.compile(r"\s*\d{1,3}\s*tuổi\s*")
_BRACKETED = re.compile(r"\s*\([^()]{0,40}\)")
# Administrative units counted before a colon open a list of places: "tại 3 phường:", "các xã:".
_COUNTED_UNITS = re.compile(r"(?<!\w)(?:\d+|các|những|hai|ba|bốn|năm)\s+(?:phường|xã|quận|huyện|tỉnh|thôn|ấp|bản|"
                            r"thị trấn|thị xã)\s*$")
_THEO_APPOSITIVE_BEFORE = re.compile(r"(?:^|[.!?;:\n“”\"]\s*)theo\s+([^,.;:!?“”\"()\n]{3,80}),\s*((?:\S+\s+){0,3})$")
_COMMA_AFTER_NAME = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?,")
# Nouns for someone who speaks for a body, besides the job titles: "theo đại diện của hãng X, Y, ...".
_SPEAKER_NOUNS = {"đại diện", "người đại diện", "điều phối viên", "người phụ trách", "nguồn tin", "giới chức"}
_AGENT_BEFORE = re.compile(r"(?<!\w)(?:người|ai|mà)\s+(?:từng\s+|đã\s+|vừa\s+)?bị\s+$")
_LA_HONORIFIC_BEFORE = re.compile(r"(?<!\w)là\s+(?:(?:ông|bà|anh|chị|cô|em|cháu|bé)\s+)?$|(?<!\w)là\s*$")
# A list goes on between two names: "nhà văn A, B và C"; "Thứ trưởng A và người đồng cấp Mỹ B"; a name
# and the same name in brackets ("An-tô-ni-ô Gu-tê-rết (Antonio Guterres)").
_LIST_GOES_ON = re.compile(r"\s*\)?\s*(?:\([^()]{0,30}\))?\s*(?:,|và|cùng|;|\()?\s*(?:người đồng (?:cấp|nhiệm)(?:\s+\S+){0,2}\s+)?"
                           r"(?:(?:ông|bà|anh|chị)\s+)?$")
# A director ("giám đốc", a firm's title) of a state or international body is an official: "Giám đốc Cục
# Điều tra Liên bang Mỹ (FBI) X", "Giám đốc Ngân hàng Thế giới (WB) tại VN X", "Giám đốc Sở Y".
_CAPTAIN_TITLES = {"đội trưởng", "phó đội trưởng"}
# A chair or secretary general of a firm, a club or a business association is in business: "Chủ tịch
# hãng Microsoft", "chủ tịch Hiệp hội Da giày", "Chủ tịch CLB Al Ittihad", "Phó Tổng thư ký VASEP".
_CHAIR_TITLES = {"chủ tịch", "phó chủ tịch", "tổng thư ký", "phó tổng thư ký"}
_BUSINESS_BODY_AFTER = re.compile(r"\s*(?:hãng|tập đoàn|tổng công ty|công ty|cty|hiệp hội|câu lạc bộ|clb|hđqt|hội đồng quản trị|"
                                  r"liên minh hợp tác xã|liên minh htx|hợp tác xã|htx|doanh nghiệp|ngân hàng thương mại|"
                                  r"liên đoàn (?:các )?(?:tổ chức )?kinh tế|vasep|vcci|fpt|vingroup)(?!\w)")
_DIRECTOR_TITLES = {"giám đốc", "phó giám đốc", "giám đốc điều hành"}
_STATE_BODY_AFTER = re.compile(r"\s*(?:cục|sở|công an|ngân hàng thế giới|ngân hàng phát triển châu á|ngân hàng nhà nước|"
                               r"quỹ tiền tệ quốc tế|liên hợp quốc|lhq|wb|adb|imf|fbi|cia|nasa|kho bạc|đài truyền hình việt nam|"
                               r"đài tiếng nói)(?!\w)")
# Words that qualify a title after a name without changing its role: ", Phó Chánh thanh tra Bộ ...",
# " - nguyên giám đốc ...", ", đương chức Chủ tịch UBND ...".
_APPOSITIVE_QUALIFIERS = ("phó", "nguyên", "cựu", "tân", "quyền", "đương chức", "đương kim")
# A child ("bé X", "cháu X") in a report of illness, an accident or a crime is its victim.
_CHILD_HONORIFICS = {"bé", "cháu", "bé gái", "cháu bé"}
_HARM_REPORT = re.compile(r"(?<!\w)(?:nạn nhân|bệnh nhân|bệnh nhi|nhiễm|ca bệnh|tử vong|thiệt mạng|sát hại|bị thương|"
                          r"cấp cứu|xâm hại|bắt cóc|mất tích|tai nạn|ghép)(?!\w)")
# Honorifics that are also a job ("nhà văn X", "nghệ sĩ X"): the job is the role (not "bé", a child).
_HONORIFIC_NOT_ROLE = {"bé"}
_INITIALS = re.compile(r"(?<![\w.])[A-ZĐ](?:\.[A-ZĐ]){1,3}\.?(?!\w)")
_OBJECT_WORDS = ("của", "mà", "với", "cho", "về", "giữa", "tới", "đến", "gặp")
_OBJECT_BEFORE = re.compile(r"(?<!\w)(?:" + "|".join(_OBJECT_WORDS) + r")\s+(?:ông|bà|anh|chị|cô)?\s*$")
_YEAR_OR_AGE_BRACKET = re.compile(r"\(\s*(?:sn|sinh năm|s\.n)?\s*\d{1,4}(?:\s*tuổi)?\s*[,;]")
_AGE_AFTER = re.compile(r"\s*\(\s*(?:\d{1,3}\s*tuổi|sn\s*\d|sinh năm|s\.n|\d{4}\s*[,;)])|,\s*\d{1,3}\s*tuổi")
# A clause whose subject is the writer ("Tôi hiểu ... chứ không thể nói") or that is hypothetical
# ("Nếu X biết tiếng Đức thì ... nói được vài từ"): the first person named in it does not speak.
_FIRST_PERSON_SUBJECT = re.compile(r"[\s\-–—]*(?:tôi|chúng tôi|chúng ta|chúng em|em|mình|tớ|tao|nếu|giả sử|giá như)(?!\w)")
# What the article is about, for people no title or sentence places: sport and show business
# (players and singers are named bare), crime news (suspects are named bare, without "ông"/"anh").
_SPORT_SHOWBIZ = re.compile(r"(?<!\w)(?:cầu thủ|hlv|huấn luyện viên|tiền đạo|tiền vệ|hậu vệ|thủ môn|bàn thắng|ghi bàn|"
                            r"trận đấu|clb|tay vợt|ca sĩ|ca sỹ|diễn viên|người mẫu|ban nhạc|album|bộ phim|vai diễn|"
                            r"sân khấu|boyband|nhóm nhạc|vận động viên|ca khúc|danh ca|nhạc sĩ|đêm nhạc|liveshow|live show|tiết mục)(?!\w)")
_CRIME = re.compile(r"(?<!\w)(?:bị can|bị cáo|đối tượng|tạm giam|khởi tố|bắt giữ|bị bắt|truy nã|truy tố|lừa đảo|"
                    r"trộm|cướp|ma túy|ma tuý|hành hung|tội)(?!\w)")


_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _toneless(word: str) -> str:
    """``word`` without its tone mark (the vowel's own marks, â ă ơ ư, stay)."""
    return unicodedata.normalize("NFC", "".join(ch for ch in unicodedata.normalize("NFD", word) if ch not in _TONE_MARKS))


def _phrases(words: list[str], longest: int = 3) -> Iterator[str]:
    """Every run of one to ``longest`` consecutive words."""
    for n in range(1, longest + 1):
        for i in range(len(words) - n + 1):
            yield " ".join(words[i:i + n])


def _body_role(title: str, after: str, role: str) -> str:
    """The role a title gives, from the body named after it: a director of a state or international
    body is an official, a chair of a firm or business association in business."""
    if title in _DIRECTOR_TITLES and _STATE_BODY_AFTER.match(after):
        return "official"
    if title in _CHAIR_TITLES and _BUSINESS_BODY_AFTER.match(after):
        return "business"
    return role


def _wrongful_story(low: str) -> bool:
    """The article tells of a wrongful conviction (two of its words, not one question)."""
    return len(_WRONGFUL.findall(low)) >= 2


def _word_hits(text: str, words: Any) -> list[tuple[int, int, str]]:
    """Where ``words`` occur in ``text`` as whole words (not after a letter or a period), left to
    right, the longest at each place, not overlapping: a regex alternation of them without
    compiling one per article."""
    hits = []
    n = len(text)
    for w in words:
        i = text.find(w)
        while i != -1:
            j = i + len(w)
            if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "._")) and \
                    (j >= n or not (text[j].isalnum() or text[j] == "_")):
                hits.append((i, -len(w), w))
            i = text.find(w, i + 1)
    hits.sort()
    out: list[tuple[int, int, str]] = []
    last_end = -1
    for i, neg_len, w in hits:
        if i >= last_end:
            out.append((i, i - neg_len, w))
            last_end = i - neg_len
    return out


def _initial_of(initial: str, word: str) -> bool:
    """Is ``initial`` ("k" or "k.") the first letter of the longer ``word`` ("karl")?"""
    letter = initial.rstrip(".")
    return len(letter) == 1 and len(word) > 1 and "." not in word and word.startswith(letter)


def _first_person_subject(low: str, seg_start: int, name_start: int) -> bool:
    """Does the clause open with "tôi", "em", "nếu"...? Not when that word is the honorific of the
    name right after it ("Em Y Nhàn, học sinh lớp 9, nói": a child, not the writer)."""
    m = _FIRST_PERSON_SUBJECT.match(low, seg_start, name_start)
    return bool(m) and (m.group(0).split()[-1] != "em" or bool(low[m.end():name_start].strip()))


# Written words that a colon opens: a letter, a note, a sign, a document ("bức thư tuyệt mệnh: “...”").
_DOCUMENT_BEFORE_COLON = re.compile(r"(?<!\w)(?:thư|bức thư|lá thư|di thư|di chúc|tuyệt mệnh|văn bản|công văn|"
                                    r"quyết định|tờ trình|biên bản|lá đơn|đơn thư|dòng chữ|khẩu hiệu|tấm biển|"
                                    r"biển ghi|tin nhắn|mảnh giấy|ghi rõ|ghi)(?!\w)[^“\"«]{0,40}$")
# An appositive set off by dashes or brackets between a name and its verb.
_SET_OFF_APPOSITIVE = re.compile(r"\s+[-–—]\s[^-–—\n“”\"]{1,120}\s[-–—]\s*|\s*\([^()\n“”\"]{1,120}\)\s*")
_COMMA_APPOSITIVE = re.compile(r"\s*,\s*([^,;.!?“”\"]{2,80})(?:,[^,;.!?“”\"]{1,40})?,?\s*")
_NAME_COLON = re.compile(r"\s?:\s+(?!\d)\S")
_AUXILIARIES = re.compile(r" (?:(?:đã|cũng|còn|vừa|mới|thì|lại|từng|liền|sau đó)\s+){0,2}")
# A common-noun subject right before the verb speaks, not a person named earlier in the clause:
# "Không ít khán giả cho rằng X ..., cũng chừng ấy người cho rằng ...".
_GENERIC_SUBJECT = re.compile(r"(?<!\w)(?:người|mọi người|nhiều người|khán giả|dư luận|họ|ai|người dân|chuyên gia|"
                              r"giới chuyên môn|cư dân mạng|nhiều ý kiến|vị này|người này|ông này|bà này|anh này|"
                              r"chị này)\s+(?:(?:đều|cũng|thì|lại|đã|vẫn)\s+)?$")
# A minister's or official's portfolio after the title: "Thứ trưởng Tư pháp X" (not the ministry).
_PORTFOLIOS = {"tư pháp", "ngoại giao", "nội vụ", "quốc phòng", "tài chính", "y tế", "giáo dục", "ngoại thương",
               "thương mại", "kế hoạch", "an ninh", "văn hóa",
               "hạ viện", "thượng viện", "nghị viện", "quốc hội"}  # and a house: "Chủ tịch Hạ viện Mỹ Paul Ryan"
# Words that qualify a title before a name: "Tướng Mỹ về hưu X", "cựu Bộ trưởng X", "HLV trẻ X".
_TITLE_MODIFIERS = {"và", "của", "về", "hưu", "nghỉ", "đã", "mới", "cũ", "cựu", "tiền", "nhiệm", "đương", "kỳ",
                    "nổi", "tiếng", "trẻ", "gốc", "người", "nữ", "nam", "tân", "nguyên"}
_ROYAL = {"vua", "nhà vua", "quốc vương", "hoàng tử", "thái tử", "nữ hoàng", "hoàng hậu", "công chúa", "nữ vương"}
# Countries whose people's names the press writes in Sino-Vietnamese reading ("Hồ Cẩm Đào").
_SINO_PREFIX = re.compile(r"(?<!\w)(?:trung quốc|đài loan|triều tiên|hàn quốc|hồng kông|hong kong|bắc kinh)$")
_UPPER_CHAR = re.compile("[" + _UPPER + "]")
_CLUB_AFTER = re.compile(r"\s+của\s+[" + _UPPER + "]")
_GENERIC_NOUN_BEFORE = re.compile(r"(?:cô gái|chàng trai|cô dâu|chú rể|người|phụ nữ|đàn ông|du khách|lao động|vợ|chồng|"
                                  r"con dâu|chàng rể)\s+$")  # "lấy vợ Việt": a nationality
_WORD = re.compile(r"\w+")
# "người phụ nữ Napoli có tên là Christiana S.": a person noun (and an origin), then "(có) tên là" and
# the name; the origin word right before "có tên" names no one.
_NAMED_AS_BEFORE = re.compile(r"(?<!\w)(?:người|phụ nữ|đàn ông|cô gái|chàng trai|cậu bé|cô bé|thanh niên|thiếu nữ|"
                              r"vợ|chồng|con trai|con gái|bạn)(?:\s+[^\s,.;:!?“”\"()]+){0,2}\s+(?:có\s+)?tên\s+là\s*$")
_NAMED_AS_AFTER = re.compile(r"\s+(?:có\s+)?tên\s+(?:là\s+)?(?=[" + _UPPER + "])")
_REAL_NAME_AFTER = re.compile(r"\s*,?\s*(?:có\s+)?(?:tên\s+thật|tên\s+khai\s+sinh|tên\s+đầy\s+đủ)(?:\s+là)?\s*:?\s+")
# "tên" marks a suspect only right before a name: not "cái tên X", "mang tên X", "tên thật là X".
# ... nor after a noun for a person: "một nhân viên tên Cường", "cô gái tên Lan", "thanh niên tên X".
_NAME_NOUN_BEFORE_TEN = {"cái", "mang", "có", "đặt", "lấy", "với", "một", "viên", "người", "gái", "trai", "niên",
                         "sinh", "bé", "khách", "xế", "con", "bạn", "số", "đứng", "tuổi"}
_NAME_NOUN_AFTER_TEN = {"thật", "gọi", "khai", "đầy", "là", "tuổi", "tiếng", "riêng", "cúng", "thường", "đường", "phố"}
_NICKNAME = re.compile(r"(?<![\w“\"])([" + _UPPER + r"]\w+) [“\"]([" + _UPPER + r"]\w+)[”\"](?!\w)")
_KIN_NOUN_AFTER = re.compile(r"\s+(?:chàng|gái|trai|ruột|dâu|rể|họ|cả|út|em|chị|anh|ông|bà|cô|chú|con|cháu|bác|nội|ngoại|"
                             r"giáo|đồng nghiệp|đào)(?!\w)")  # "anh đào" (cherry), "cô đào" (actress)
# Vietnamese names written partly in initials (crime and court news hide minors and the accused so):
# a surname and middle name, then two initials ("Dương Thị B.H."; one, "Trần Ngọc H.", is read as before); the
# surname's and middle name's initials, then the given name ("H.T. Hoài", "Đ.T. Sinh"); or initials
# alone, three or more, with the person's particulars in a bracket after them ("N.T.T.M. (học sinh").
_SPELT_THEN_INITIALS = re.compile(r"(?<![\w.])(" + _CAP_WORD + r"(?: " + _CAP_WORD + r"){1,2}) "
                                  r"([A-ZĐ](?:\.[A-ZĐ]){1,2}\.?)(?![\w.])")
_INITIALS_THEN_GIVEN = re.compile(r"(?<![\w.])([A-ZĐ](?:\.[A-ZĐ]){1,2}\.) (" + _CAP_WORD + r")(?![\w.’']| [A-ZĐ])")
_INITIALS_BRACKET = re.compile(r"(?<![\w.])([A-ZĐ](?:\.[A-ZĐ]){2,3}\.?) \(([^()]{1,60})\)")
_NAME_PARTICLES_AR = ("al", "bin", "ibn", "bint")


def _arabic_personal_name(tokens: list[str]) -> bool:
    """An Arabic name in full: a given name, the lowercase particle, a family name ("Iyad al-Obaidi",
    "Abu Omar al-Shishani", "Hamad bin Khalifa"). Groups and places take the particle after a common
    noun of their own ("Jabhat al-Nusra", "Ahrar al-Sham", "Ras al-Ain"), so their first word is one
    of those nouns (``_ARABIC_NON_NAMES``), or the name is called an organisation before (``_blocked``)."""
    if len(tokens) < 3 or not tokens[-1][:1].isupper() or _fold(tokens[0]) in ("al", "el"):
        return False
    return any(t in _NAME_PARTICLES_AR for t in tokens[1:-1]) and _fold(tokens[0]) not in _ARABIC_NON_NAMES


# Common nouns that open Arabic names of groups, places and feasts ("Jabhat al-Nusra": front; "Ras
# al-Ain": cape; "Eid al-Fitr": feast).
_ARABIC_NON_NAMES = {"jabhat", "jabhah", "ahrar", "ansar", "jaish", "jaysh", "ras", "tal", "tell", "deir", "bab",
                     "masjid", "saraya", "harakat", "hayat", "hay'at", "kataib", "kata'ib", "liwa", "dar", "bayt",
                     "beit", "wadi", "jabal", "jebel", "qasr", "bir", "ain", "sharm", "marsa", "madinat", "hezb",
                     "hizb", "tanzim", "majlis", "bank", "burj", "mina", "jund", "fatah", "eid", "id", "laylat", "mawlid"}


# Words that may stand between a list of subjects and its speech verb: "A và B đều khai nhận".
_LIST_VERB_ADVERBS = {"đều", "cùng", "cũng", "đã", "vẫn", "thì"}
_WITH_BEFORE = re.compile(r"(?<!\w)(?:cùng|với)(?!\w)")
_GLUED_INITIAL = re.compile(r"(?<![\w.])([A-Z])\.(" + _CAP_WORD + r"(?: " + _CAP_WORD + r")?)(?![\w.])")
# Small patterns of the hot paths, compiled once.
_UNIT_ABBREV_BEFORE = re.compile(r"(?<!\w)(?:p|q|x|h|tp|tx|tt)\.\s?$")
_AGENCY_CREDIT_BEFORE = re.compile(r"(?:ảnh|nguồn|video|clip)\s*:\s*[^\s/:]+/$")
_CREDIT_BEFORE = re.compile(r"(?:ảnh|nguồn|video|clip|đồ họa|thực hiện)\s*:\s*$")
# Gender a reader takes from the words around a name (general cues, no list of famous people):
# "X và chồng cũ", "X cùng vợ" (X is the spouse of the other sex); a count before a gendered noun
# and a list ("hai cô em gái A, B").
_SPOUSE_AFTER = re.compile(r"\s+(?:và|cùng|cùng với|với)\s+(vợ|chồng)(?:\s+(?:cũ|mình|sắp cưới|hiện tại|con))?"
                           r"(?=\s*[,.;:!?)]|\s+(?!vợ|chồng|của|ông|bà|anh|chị|cô|em)(?![" + _UPPER + r"])[^\W\d_])")
# "Lê Thị Hoa, vợ ông Nguyễn Văn Hùng", "Trần Minh, con trai của bà Lan": a kin noun in apposition
# that a possessor follows (not "X, vợ Y": Y may be the wife).
# (The possessor must be a name, its titles between: "X (27 tuổi), vợ anh là Y" - his wife - is not read.)
_KIN_APPOSITION = re.compile(r"\s*(?:\([^()\n]{0,40}\))?\s*[,–-]\s*(?:người\s+)?"
                             r"(vợ|mẹ|con gái|chị gái|em gái|con dâu|chồng|bố|cha|con trai|anh trai|em trai|con rể)"
                             r"(?:\s+(?:ruột|cả|út|kế|cũ|thứ hai|thứ ba))?\s+(?:của\s+)?((?:\w+\s+){0,3}?)[" + _UPPER + "]")
# "vợ con của Tiên", "chồng của Lan": the name owns a spouse (the other sex); not "vợ chồng của".
# A classifier that agrees with the spouse noun names the spouse herself or himself: "cô vợ X", "bà vợ
# trẻ X", "ông chồng X" (not "vợ X", X's wife, nor "bà vợ của X").
_SPOUSE_NAMED_BEFORE = re.compile(r"(?<!\w)(?:cô|bà)\s+(vợ)(?:\s+(?:trẻ|cũ|mới|hiện tại|sắp cưới))?\s+$"
                                  r"|(?<!\w)(?:anh|ông)\s+(chồng)(?:\s+(?:trẻ|cũ|mới|hiện tại|sắp cưới))?\s+$")
_SPOUSE_OF_BEFORE = re.compile(r"(?<!\w)(?<!vợ )(vợ|chồng)(?:\s+(?:con|cũ|hiện tại|sắp cưới))?\s+của\s+$")
# A person's own quotation right after the mention, in the first person, that says the speaker takes a
# husband or a wife: "Em Y Nhàn nói: “Em muốn ... làm cô giáo, không lấy chồng sớm”" (F). Only with no
# other subject before the verb, so not "Tôi không muốn con gái lấy chồng sớm" (a parent's wish).
_SPEAKER_SELF = r"(?:em|tôi|mình|cháu|con)"  # the words a speaker says "I" with
_OWN_QUOTE_AFTER = re.compile(r"[^.!?“”\"\n]{0,80}?(?:nói|cho biết|chia sẻ|kể|tâm sự|bày tỏ|khẳng định|thổ lộ|trải lòng)"
                              r"\s*:\s*[“\"](" + _SPEAKER_SELF + r"\s[^”\"]{0,400})[”\"]")
_SELF_MARRIES = re.compile(r"(?:^" + _SPEAKER_SELF + r"\s+|,\s*|(?<!\w)(?:rồi|nhưng|thì)\s+)(?:(?:không|chưa|chẳng|sẽ|muốn|đã|mới|phải|được|định|"
                           r"cũng|vẫn|chỉ|sớm|đi)\s+)*lấy\s+(chồng|vợ)(?!\w)")
# A gendered honorific, a noun for the person, then "tên" and the name: "Cô nhân viên tên Hồng".
_HONORIFIC_NOUN_TEN = re.compile(r"(?<!\w)(cô|chị|bà|anh|ông|chú|cậu)\s+(?!con\s)(?:[^\W\d]+\s+){1,3}tên(?:\s+là)?\s+$"
                                 # a child and its age: "một bé gái tám tuổi tên Sun", "cậu bé 5 tuổi tên X"
                                 r"|(?<!\w)(bé gái|bé trai|cô bé|cậu bé)\s+(?:\w+\s+){0,2}tuổi\s+tên(?:\s+là)?\s+$")
_FEMALE_KIN = {"vợ", "mẹ", "con gái", "chị gái", "em gái", "con dâu"}
# "cậu con trai chung - bé Subeo", "cô con gái út là bé Na": a child noun, a dash, colon or "là",
# then the name (with "bé", "cháu" or nothing).
_CHILD_BEFORE = re.compile(r"(?<!\w)(con trai|con gái|quý tử|ái nữ)(?:\s+\w+){0,2}\s*(?:[-–:]|\s là)\s*"
                           r"(?:(?:bé|cháu|nhóc)\s+)?$")
_COUNT_BEFORE = re.compile(r"(?<!\w)(?:hai|ba|bốn|2|3|4|các|những|cả hai|cả ba)(?:\s+(?:cô|cậu|anh|chị|chàng|người))?\s+$")
_LIST_JOIN = re.compile(r"\s*(?:\([^()\n]{1,40}\))?\s*(?:,\s*(?:và\s+)?|\s+và\s+)$")
# A player of a women's team: "Thủ môn Kim Hòa của đội tuyển nữ Việt Nam", "tiền đạo tuyển nữ Việt Nam
# Huỳnh Như" (the men's team is the unmarked one, so only "nữ" tells).
_WOMENS_TEAM = (r"(?:đội tuyển|tuyển|đội|clb|câu lạc bộ|đội bóng)\s+(?:bóng đá\s+|bóng chuyền\s+|futsal\s+)?"
                r"(?:u-?\d+\s+)?nữ(?!\w)")
_WOMENS_TEAM_AFTER = re.compile(r"\s*(?:\([^()]{0,40}\))?\s*,?\s*(?:của|thuộc|trong màu áo|khoác áo|trong đội hình)\s+"
                                + _WOMENS_TEAM)
_WOMENS_TEAM_BEFORE = re.compile(r"(?<!\w)" + _WOMENS_TEAM + r"((?:\s+\w+){0,3})\s*$")
_ENDS_SENTENCE = re.compile(r"[.!?…”\"]\s*$")
_HOUSE_NUMBER_BEFORE = re.compile(r"\d[\w/]*\s$")
_CLAN_AFTER = re.compile(r"\s+(?:tộc|gia tộc|dòng họ)(?!\w)")
_LIST_SEP_BEFORE = re.compile(r"(?:\s*\([^()]{1,25}\))?\s*(?:,|và|hay|-|–)\s*$")
_DASHES = re.compile(r"[-–—]")
_INTERIM = " lâm thời"
_CONTRAST_CLAUSE = re.compile(r",\s*(?:nhưng|song|trong khi|còn)\s")
# ("do" and "la" are left out: Vietnamese words, "Shia do Iran" is "Shia, because Iran").
_PARTICLE_GAP = re.compile(r" (de|da|das|dos|del|della|di|du|van|von|der|den|ter|al|el|bin|ibn)(?: |-)")
# An armed unit named after a person: "lực lượng tử vì đạo Ahmad al-Abdo", "lữ đoàn X".
_UNIT_NAMED_AFTER = re.compile(r"(?<!\w)(?<!đầu )(?<!huy )(?<!lệnh )(?<!trưởng )(?:lực lượng|lữ đoàn|tiểu đoàn|sư đoàn|binh đoàn|trung đoàn|đại đội)"
                               r"(?:\s+\S+){0,3}\s*$")
_LOWER_WORD_BEFORE = re.compile(r"[a-zà-ỹđ]\s+$")
# What only a person does, right after a name without surname ("Minh Vượng tâm sự", "Hùng Mạnh ghi
# bàn", a headline "Minh Vượng: “...”"); not what firms and offices do too ("cho biết", "thông báo").
_PERSON_ACT_AFTER = re.compile(
    r"(?:\s+(?:(?:đã|cũng|vẫn|còn|lại|từng|liền|mới|vừa|thì)\s+){0,2}(?:tâm sự|kể|kể lại|bộc bạch|thổ lộ|"
    r"bật khóc|mỉm cười|cười nói|nghẹn ngào|ghi bàn|lập cú đúp|lập công|đánh đầu|dứt điểm|sút bóng|"
    r"sinh năm|sinh ra)(?!\w)|:\s*[“\"‘'])")
# A player's action named with him: "pha đánh đầu của Ngọc Long", "cú sút xa của Quang Độ".
_SINGLE_PERSON_ACT = re.compile(
    r"\s+(?:(?:sau đó|cũng|đã|vẫn|lại|từng|bất ngờ|liền|đành)\s+){0,3}(?:lãnh|nhận|dính|bị|phải nhận)\s+"
    r"(?:thẻ đỏ|thẻ vàng thứ hai|truất quyền thi đấu|đuổi khỏi sân|chấn thương)(?!\w)"
    r"|\s+(?:(?:đã|cũng|vẫn|lại|liền)\s+){0,2}(?:bật khóc|rơi nước mắt|mỉm cười|tâm sự|bộc bạch|thổ lộ)(?!\w)")
# What a club or firm named like a person never is or does, right after a one-word name: "X, người vừa
# ...", "X năm nay 33 tuổi", "X cho biết: “...”" (a quotation in his own words after a colon).
_PERSON_NOUN_AFTER = r"\s*(?:,|\s[-–—])\s*người\s+(?:vừa|đã|từng|đang|mới|được|chưa)(?!\w)"
_ONLY_PERSON_AFTER = re.compile(_PERSON_NOUN_AFTER + r"|\s+(?:năm nay\s+)?\d{1,2}\s+tuổi(?!\w)"
                                r"|\s+(?:(?:đã|cũng)\s+)?(?:cho biết|nói|chia sẻ|khẳng định|tâm sự|tiết lộ|thừa nhận)\s*:\s*[“\"]")
_PERSON_NOUN_AFTER_RE = re.compile(_PERSON_NOUN_AFTER)
_OF_BEFORE = re.compile(r"(?<!\w)của\s+(?:[^\s,.;:!?]+\s+)?$")
_THEO_SOURCE_BEFORE = re.compile(r"(?:^|[\s,.;:])theo(?:\s+lời(?:\s+khai|\s+kể)?(?:\s+của)?)?\s+$")
# A short predicate, then a colon that opens a quotation: "Hương láu táu: “...”", "Hương trấn an tôi: “".
_BARE_SPEAKS = re.compile(r"(?:\s+[^\W\d]+){1,4}\s*:\s*[“\"«]")
_BARE_TESTIFIES = re.compile(r"\s+(?:(?:đã|cũng|vẫn|còn|không|chỉ)\s+){0,2}(?:khai(?=\s+(?:là|đã|rằng|với|do|vì|không|"
                             r"chỉ|có|đây|mình))|khai nhận|thừa nhận|thú nhận|nhận tội)(?!\w)")
_COURT = re.compile(r"(?<!\w)(?:tại tòa|phiên tòa|phiên xử|hội đồng xét xử|hđxx|thẩm vấn|cơ quan điều tra|cơ quan công an)(?!\w)")
_CLAUSE_OPEN_BEFORE = re.compile(r"(?:^|[.!?…,;:“”\"\n]\s*)$")
_KIN_OF_BEFORE = re.compile(r"(?<!\w)(?<!ty )(?<!đoàn )(?:mẹ|bố|cha|vợ|chồng|bạn gái|bạn trai|người yêu|con trai|con gái|"
                            r"anh trai|em trai|chị gái|em gái|vợ cũ|chồng cũ|mẹ ruột|bố ruột)(?:\s+của)?\s+$")
_DEITY_BEFORE = re.compile(r"(?<!\w)(?:chúa|đức chúa|thiên chúa|thánh|thần|đức phật|phật)\s+$")
# The pronouns _pronoun_cues reads: the honorifics, and a crime report's "hắn", "gã", "y" for a man (not "y
# tế", "y hệt", "y án", "gã khổng lồ" ...).
_PRONOUN_CUE = re.compile(r"(?<!\w)(ông|bà|anh|chị|cô|hắn|gã(?!\s+khổng)|y(?=\s+(?!(?:tế|khoa|học|sĩ|tá|hệt|như|án|nguyên|"
                          r"lệnh|đức|dược|phục|sinh|bạ|viện|thuật|vụ|bác|trang|tá|nhiên)(?!\w))))(?:\s+(?:ấy|này|ta))?(?!\w)")
_TITLED_NAME_AFTER = re.compile(r"\s*,\s*(?:một\s+|là\s+)?(?:[a-zà-ỹđ]+\s+){1,3}[" + _UPPER + r"]\w*\s+[" + _UPPER + "]")
_POINTING_SUBJECT_AFTER = re.compile(r"\s*,\s*(?:[^\s,.;:!?]+\s+){1,3}(?:này|đó|ấy)(?!\w)")
_ANIMAL_BEFORE = re.compile(r"(?<!\w)(?:chó|mèo|ngựa|voi|khỉ|gấu|chim|cá heo|robot|rô bốt)\s+$")
_SPORT_ACT_BEFORE = re.compile(r"(?<!\w)(?:pha|cú|cú sút|bàn thắng|cú đúp|đường chuyền|quả phạt)(?:\s+\w+){0,5}\s+của\s+$")
_COACH_TITLES = {"hlv", "huấn luyện viên", "hlv trưởng", "huấn luyện viên trưởng", "nhà cầm quân", "chiến lược gia"}
_SPORT_TITLES = {"ngôi sao", "siêu sao", "cầu thủ", "tiền đạo", "tiền vệ", "hậu vệ", "thủ môn", "thủ thành", "trung vệ", "hlv", "cựu hlv",
                 "huấn luyện viên", "nhà cầm quân", "chiến lược gia", "danh thủ", "thủ quân", "tay vợt"}
# The plain honorifics, which are also the pronouns a text refers back to a person with.
PLAIN_HONORIFICS = frozenset({"ông", "bà", "anh", "chị", "cô"})
# Suspects who testify together: "hai đối tượng khai nhận", "các bị can đều thừa nhận".
_COUNT_WORDS: dict[str, int | None] = {"hai": 2, "2": 2, "cả hai": 2, "ba": 3, "3": 3, "cả ba": 3, "bốn": 4, "cả bốn": 4, "4": 4,
                                       "các": None}
_GROUP_TESTIMONY = re.compile(r"(?<!\w)(cả hai|cả ba|cả bốn|hai|ba|bốn|[234]|các)\s+(?:đối tượng|bị can|bị cáo|nghi phạm|nghi can)"
                              r"(?:\s+(?:này|trên|nói trên))?\s+(?:(?:đã|đều|cũng|đồng loạt|cùng)\s+){0,2}"
                              r"(?:khai nhận|thừa nhận|thú nhận|nhận tội|khai(?=\s+(?:là|đã|rằng|với|do|vì|không|chỉ|có))|trình bày)(?!\w)")
_PLAYER_TITLES = {"cầu thủ", "tiền đạo", "tiền vệ", "hậu vệ", "thủ môn", "thủ thành", "trung vệ", "thủ quân", "tay vợt",
                  "vđv", "vận động viên", "chủ công", "phụ công", "đội trưởng", "tuyển thủ"}
# A player's or coach's title, then the names it heads, up to the run: "tiền đạo Thanh Bình", "hai hậu
# vệ Tấn Tài, Đình Trọng" (a middle and given name there is a name even when it spells a place or
# opens with "Đình", a communal house).
_TITLED_NAME_LIST = re.compile(r"(?<!\w)(?i:" + "|".join(sorted(_PLAYER_TITLES | _COACH_TITLES, key=len, reverse=True))
                               + r")\s+(?:(?:[" + _UPPER + r"]\w*\s+){0,3}[" + _UPPER + r"]\w*(?:\s*,\s*|\s+và\s+))*$")
# Titles that a one-word foreign name follows, never a team or firm (unlike "tiền đạo", "giám đốc").
_PERSON_ONLY_TITLES = {"thủ tướng", "tổng thống", "phó tổng thống", "ngoại trưởng", "bộ trưởng", "thứ trưởng",
                       "thượng nghị sĩ", "hạ nghị sĩ", "nghị sĩ", "quốc vương", "nhà vua", "hoàng tử",
                       "ông", "bà", "ngài", "tướng", "giáo sư", "tiến sĩ"}
_GROUP_OPENER = re.compile(r"(?<!\w)(?:bộ\s+(?:đôi|ba|tứ|\d)|cặp\s+đôi)(?:\s+[^\s.;:!?,()“”\"]+){0,4}\s*[-–:]?\s*$")
_LIKE_BEFORE = re.compile(r"(?<!\w)((?:[^\s.;:!?,()“”\"]+\s+){1,5})như\s+$")
_CLAUSE_BREAK_IN = re.compile(r"[,;]")
_LIST_SEP_AFTER = re.compile(r"(?:\s*\([^()]{1,25}\))?\s*(?:,|và|hay|-|–)\s*")
_APPOSITIVE_HEAD = re.compile(r"\s*[,(–—-]\s*((?:\S+\s+){0,3})")
_ROLE_WORD = re.compile(r"[\w./]+")
# A sentence stop in the window before a name: a period glued to the next word ends a sentence only
# after a word of four letters or more ("Biro.Trung vệ X"), not in an abbreviation ("TP.HCM", "Ths.BS").
_WORD_BEFORE = re.compile(r"\w+$")
_ROLE_WINDOW_STOP = re.compile(r"[;:!?\n“”\"]|\.(?!\w)|(?<=\w{4})\.")
_APPOSITIVE = re.compile(r"\s*[,(–—-]\s*(.*)")
_PERSON_APPOSITIVE = re.compile(r"\s*,\s*(?:một\s+|là\s+)?((?:[\w./]+\s+){1,4}[\w./]+)")
# Words that make what follows a person noun a clause of its own, not the noun's own phrase.
_CLAUSE_WORDS = {"đã", "đang", "sẽ", "vẫn", "cũng", "đều", "thì", "là", "không", "chưa", "và", "hay", "hoặc", "lại",
                 "còn", "mới", "vừa", "được", "bị", "phải", "cần", "nên", "muốn", "có", "cho", "nói", "cho biết",
                 "thường", "luôn", "rất", "vốn", "chỉ", "từng"}
# A plural or counted person noun right before a bracket or colon that opens a list of names.
_LIST_OPENER = re.compile(r"(?:(?<!\w)(?:các|những|hai|ba|bốn|năm|\d+)\s+)((?:\w+\s+){0,2}\w+)\s*[(:]\s*$")
_SENTENCE_STOP = re.compile(r"[.;!?]")
_WORDS_BEFORE_COMMA = re.compile(r"((?:\S+\s+){0,6}\S+),\s*$")
_LA_BEFORE = re.compile(r"(?<!\w)là\s*$")
_ROLE_IS_BREAK = re.compile(r"[.;:!?“”\"(),]")
_CLAUSE_STOP = re.compile(r"[.!?;:“”\"]")
_PRONOUN_CLAUSE = re.compile(r",\s+(anh|ông|bà|chị|cô)\s+(?:đã|vẫn|cũng|lại|không|chưa|sẽ|đang|từng|liền)(?!\w)")
_AUDIENCE = re.compile(r"\s*(?:với\s+)?(?:báo\s+chí|phóng\s+viên|pv|truyền\s+thông)?")
_PASSIVE_BEFORE = re.compile(r"(?<!\w)(?:bị|được)\s+$")
_ATTRIBUTION_BREAK = re.compile(r"[.;:!?“”\"\n,(]")
_DASH_AFTER = re.compile(r"[^\n]{0,30}?\s[-–—]\s")
_DASH_BEFORE = re.compile(r"\s[-–—]\s*$")
# The words of a clause that open it and end right before a verb (auxiliaries aside): a bare title?
_TITLE_BEFORE_VERB = re.compile(r"(?:^|[.!?;:“”\"\n,–—-])\s*([^.!?;:“”\"\n,–—-]{3,30}?)\s+"
                                r"(?:(?:cũng|đã|còn|lại|thì|vẫn|liền|tiếp tục)\s+)?$")
# A caption's credit without its colon, "... trao tặng phật tử. Ảnh Lương Lan  Thượng úy ...": after a
# sentence end (or at the start), "Ảnh" and a short run.
_CAPTION_CREDIT_BEFORE = re.compile(r"(?:^|[.!?”\"])\s*$")
_ALIAS_BEFORE = re.compile(r"\(\s*(?:tức|còn gọi là|còn có tên|biệt danh|bí danh|hay)\s*$")
# Function words that open a sentence and are never part of a name ("... Ma Thuột Trước đó, ...").
_OPENERS = {"việc", "sau", "trong", "khi", "tại", "từ", "đến", "với", "và", "nhưng", "còn", "cũng", "đây", "đó", "này",
            "các", "những", "mỗi", "nhiều", "một", "theo", "nếu", "vì", "do", "để", "rồi", "thì", "trước", "ngoài",
            "riêng", "chỉ", "cả", "hay", "hoặc", "song", "giờ", "nay", "đã", "đang", "sẽ", "vẫn", "có", "không",
            "chưa", "nhờ", "bởi", "qua", "dưới", "trên", "giữa", "tuy", "dù", "nên", "lúc", "ngày", "hôm"}
_SENTENCE_END = re.compile(r"[.!?:“”\"]\s*$")
_BRACKET_ONLY = re.compile(r"\([^()]{1,60}\)\.?")
# Words for an organisation right before its name ("CLB Al Ittihad", "hãng Lamborghini").
_ORGANISATION_WORDS = {"clb", "câu lạc bộ", "đội", "đội bóng", "công ty", "cty", "tập đoàn", "hãng", "tổ chức", "ngân hàng",
                       "tờ", "báo", "tạp chí", "đài", "kênh", "nhóm", "ban nhạc", "nhóm nhạc", "nhà máy", "quỹ", "hội",
                       "hiệp hội", "liên đoàn", "trường", "đại học", "học viện", "bệnh viện", "khách sạn", "nhà hàng",
                       "thương hiệu", "nhãn hiệu", "tnhh", "cổ phần", "sân vận động"}
# Southern birth-order names: "dì Ba Thành", "chú Tư Hùng", "anh Út Tèo".
_BIRTH_ORDER = {"hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "út"}
_QUOTE_DASH_BEFORE = re.compile(r"(?:[”»]|(?<=[^\s(\[])\")\s*[-–—]\s*((?:[^\s.,;:!?“”\"()]+\s+){0,3})$")
# "“...”, Adam Brantley, 24 tuổi, quan sát": a quotation that opens its line or sentence, then a comma
# and the name, signs it too.
_ADVERBS_BEFORE_VERB = re.compile(r"^(?:(?:chỉ|đã|cũng|vẫn|lại|thì|còn)\s+){1,2}")
_CITY_ABBREVIATIONS = {"tp", "tp.hcm", "tphcm", "hn"}
_SCARE_QUOTE_BEFORE = re.compile(r"[a-zà-ỹđ] $")
_RELATIVE_APPOSITION = re.compile(r"(?<!\w)(?:mẹ|cha|bố|vợ|chồng|anh trai|em trai|chị gái|em gái|con trai|con gái)"
                                  r"(?:\s+của)?\s+(\w[\w-]*)\s*,\s*(?:(?:bà|ông|anh|chị|cô)\s+)?$")
_SENDER_BEFORE = re.compile(r"(?<!\w)người gửi\s*:\s*$")
_NAMELESS_BODIES = {"quốc hội", "chính phủ", "trung ương", "nhà nước", "thành ủy", "tỉnh ủy", "huyện ủy", "quận ủy"}
_KIN_BEFORE_NAME = {"con", "trai", "gái", "vợ", "chồng", "cha", "mẹ", "bố"}
_QUOTE_OPENS_SENTENCE = re.compile(r"(?:^|\n|[.!?…:]\s)\s*[“\"«]")
_QUOTE_COMMA_BEFORE = re.compile(r"(?:[”»]|(?<=[^\s(\[])\")\s*,\s*((?:[^\s.,;:!?“”\"()]+\s+){0,3})$")
# Words between a title and a name that attach a club, a place or an object rather than describe the
# title's holder ("HLV của X", "cầu thủ gia nhập X"); see _title_then_modifiers.
_NOT_MODIFIERS = {"của", "cho", "ở", "tại", "với", "từ", "và", "hay", "hoặc", "đến", "tới", "gặp", "là", "thì", "được",
                  "bị", "có", "về", "trong", "ngoài", "trước", "sau", "khi", "mà", "như", "không", "chưa", "đã", "sẽ",
                  "vẫn", "cũng", "thay", "rời", "gia", "nhập", "đánh", "bại", "thắng", "thua", "hòa", "chơi", "khoác",
                  "áo", "dẫn", "dắt", "làm", "chọn", "mua", "bán", "ký", "nói", "đội", "tuyển", "clb", "trưởng", "phó",
                  "các", "những", "này", "đó", "ấy", "giữa", "nhà", "hãng", "công", "ty"}
_AND_BEFORE = re.compile(r"(?<!\w)và\s+(?:(?:ông|bà|anh|chị|cô)\s+)?$")
_FIRST_PERSON = re.compile(r"(?<!\w)tôi(?!\w)")
_QUOTE_MARK = re.compile("[“”\"«»]")
_SPEAKS_FOR_BEFORE = re.compile(r"(?<!\w)(?:gia đình|người nhà|người thân|hàng xóm|bạn bè|đồng nghiệp)(?!\w)")
# "Bệnh viện (BV) Nguyễn Tri Phương": the office's short form in brackets between its word and the name.
_ABBREVIATION_RIGHT_BEFORE = re.compile(r"(?<=\w) \([^\s()]{1,8}\) $")


def _quotation_before(low: str, end: int) -> tuple[int, str]:
    """The last opening quotation mark within 600 characters before ``end`` (-1 if none) and the words
    from it to ``end``: the quotation a name after it may sign."""
    opened = max(low.rfind(mark, max(0, end - 600), end) for mark in "“\"«")
    return opened, low[opened + 1:end]
_CLAUSE_BREAK = re.compile(r"[.;:!?“”\"«»()\[\]\n]|\s[–—-]\s")


def _load_lexicon(rules_dir: Path) -> dict[str, Any]:
    return load_yaml(rules_dir / "lexicons" / "people.yaml")


def _phrase_set(items: list[str]) -> set[str]:
    return {_fold(x) for x in items}


def _alternation(phrases: set[str]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


@dataclass
class Mention:
    start: int  # span of the core name in the normalised text
    end: int
    tokens: list[str]
    honorific: str | None  # folded honorific right before the core
    prefix: str  # folded words before the core in the same clause (titles, honorifics)
    initial: bool = False
    after_place: bool = False  # the name was split off a place or organisation ("thành phố X")
    aged: bool = False  # an age or birth year follows in brackets: "Thiệu Minh Nhựt (25 tuổi)"
    spilled: bool = False  # the run took the next sentence's first word ("Bái Thông báo"), now cut off
    club_after: bool = False  # "của" and a capitalised name follow: "thủ môn Reina của Liverpool"
    nickname: bool = False  # a given name and a quoted nickname: "Minh “Sứt”"
    dotted_initial: bool = False  # the first token is one letter with a period: "A. Robben"
    alias: bool = False  # introduced as another name of the person before: "Tôn Anh Dũng (tức Dũng “Huế”)"
    player_listed: bool = False  # a middle and given name after a player's title or in its list: "hậu vệ A, Đình Trọng"
    misspelt: bool = False  # another spelling of a name the text writes more often: "Gary Gliitter"
    initialled: bool = False  # a Vietnamese name part spelt out, part in initials: "Dương Thị B.H.", "H.T. Hoài"

    @property
    def key(self) -> str:
        return " ".join(_fold(t) for t in self.tokens)


@dataclass
class PersonCluster:
    mentions: list[Mention] = field(default_factory=list)
    quoted: bool = False
    gender: str = "U"
    role: str = "other"
    pronoun_gender: str | None = None  # from "ông"/"bà" used as a pronoun right after a mention
    # (mention count, best mention): a long transcript puts thousands of mentions in one cluster and
    # clustering asks for the name at every step. Mentions are only ever added or re-sorted, so the
    # count tells when the cached one is stale.
    _best: tuple[int, Mention] | None = field(default=None, init=False, repr=False, compare=False)

    @staticmethod
    def _fullness(m: Mention) -> tuple[int, int, bool, int]:
        # ("N.T.P." over "P."; but "Karl Rove" over "K. Rove": a spelt-out given name over its initial)
        dots = m.tokens[0].count(".")
        return len(m.tokens), dots if len(m.tokens) == 1 else -dots - m.dotted_initial, not m.misspelt, -m.start

    @property
    def best_mention(self) -> Mention:
        """The fullest form (most tokens, then most initials: "N.T.P." over "P."; the first of equals)."""
        if self._best is None or self._best[0] != len(self.mentions):
            self._best = (len(self.mentions), max(self.mentions, key=self._fullness))
        return self._best[1]

    def add(self, m: Mention) -> None:
        """Append a mention, keeping the cached best mention current."""
        cached = self._best
        self.mentions.append(m)
        if cached is not None and cached[0] == len(self.mentions) - 1:
            # max() keeps the cached one on a tie, as a full recount would (the first of equals).
            self._best = (len(self.mentions), max(cached[1], m, key=self._fullness))

    @property
    def name(self) -> str:
        best = self.best_mention
        return " ".join(best.tokens) + ("." if best.initial else "")

    @property
    def tokens(self) -> list[str]:
        return self.best_mention.tokens

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


class PeopleFinder:
    """Lexicons compiled once; :meth:`find` is a pure function of the text."""

    def __init__(self, rules_dir: Path) -> None:
        lex = _load_lexicon(rules_dir)
        self.honorific_gender: dict[str, str] = {}
        for gender, words in lex["honorifics"].items():
            for w in words:
                self.honorific_gender.setdefault(_fold(w), gender)
        self.role_words: dict[str, str] = {}
        self.role_order = list(lex["roles"])
        for role, words in lex["roles"].items():
            for w in words:
                self.role_words.setdefault(_fold(w), role)
        self.not_person_before = _phrase_set(lex["not_person_before"])
        self.org_heads = _phrase_set(lex.get("org_heads", []))
        self.org_descriptors = _phrase_set(lex.get("org_descriptors", []))
        self.extra_person_nouns = _phrase_set(lex.get("person_nouns", []))
        self.countries = _phrase_set(lex["countries"])
        self.place_list_heads = _phrase_set(lex.get("place_list_heads", []))
        self.place_list_heads_not = _phrase_set(lex.get("place_list_heads_not", []))
        self.name_prefix_gender = {_fold(k): v for k, v in lex.get("name_prefix_gender", {}).items()}
        self.not_name_words = _phrase_set(lex["not_name_words"])
        self.not_honorific_compounds = _phrase_set(lex.get("not_honorific_compounds", []))
        self.case_words = _phrase_set(lex.get("case_words", []))
        self.speech_verbs = _phrase_set(lex["speech_verbs"])
        self.directive_verbs = _phrase_set(lex.get("directive_verbs", []))
        self.attribution = _phrase_set(lex["attribution_before"])
        self.foreign_non_names = _phrase_set(lex.get("foreign_non_names", []))
        self.can_chi = (_phrase_set(lex.get("can", [])), _phrase_set(lex.get("chi", [])))
        # The sport page of the men's-sport gender reading (regular expressions, already folded).
        sport_page = lex["sport_page"]
        self.mens_competition, self.womens_sport, self.sport_words = (
            re.compile(r"(?<!\w)(?:" + "|".join(sport_page[key]) + r")(?!\w)")
            for key in ("mens_competitions", "womens_sport", "sport_words"))
        foreign = load_yaml(rules_dir / "lexicons" / "foreign_names.yaml")
        self.ambiguous_given = set(lex.get("ambiguous_given", []))
        self.foreign_gender = {_fold(n): g[0] for g in ("M", "F", "M_more", "F_more") for n in foreign.get(g, [])}
        table = json.loads(_DATA.read_text(encoding="utf-8"))
        self.places = set(table.get("places", [])) | _phrase_set(lex.get("former_places", []))
        # Central Highlands toponyms are written "Đắk" and "Đăk" alike (Đắk Glei, Đăk Glei).
        self.places |= {p.replace("đắk", "đăk") for p in self.places if "đắk" in p}
        self.given: dict[str, list[int]] = table["given"]
        self.middle: dict[str, list[int]] = table["middle"]
        self.middle_given: dict[str, list[int]] = table["middle_given"]
        self.surnames = {k for k, v in table["surnames"].items()
                         if v >= _MIN_SURNAME_COUNT and k not in _NON_SURNAMES}
        # Words that can stand before a name (honorifics + titles), longest first.
        self._prefix_words = set(self.honorific_gender) | set(self.role_words)
        self._title_vocabulary = {w for phrase in self._prefix_words | self.countries for w in phrase.split()}
        self._max_prefix_len = max(len(w.split()) for w in self._prefix_words | self.countries)
        # One capitalised word that _split_prefix peels whole, so it can never be a name alone.
        self._lone_non_names = {w for w in self._prefix_words | self.countries | self.not_name_words if " " not in w}

    @cached_property
    def _speech_re(self) -> re.Pattern[str]:
        verbs = _alternation(self.speech_verbs)
        # "cho VnExpress biết", "nói với phóng viên" are speech too.
        # A colon that opens a quotation ("X tán thành: “...”") and a verb of telling with "rằng"
        # ("trình báo rằng") report speech too.
        return re.compile(
            r"(?<!\w)(?:" + verbs + r"|cho\s+(?:\w+\s+){1,3}?biết|thông\s+tin\s*(?=[:,]|\s+(?:rằng|thêm|về|với|cho))"
            r"|(?:trình\s+báo|khai|thừa\s+nhận|tố\s+cáo|phản\s+ánh)\s+rằng"
            # Testimony: "X khai đã giấu tiền", not "khai trương", "khai thác", "khai báo" ...
            r"|(?<!công\s)(?<!triển\s)khai(?=\s+(?:là|đã|đang|từng|được|với|do|vì|không|chỉ|mình|bị|có|khi|đây))"
            # "trao đổi" speaks when someone is addressed ("trao đổi với PV", "trao đổi:"), not in
            # "họp trao đổi tập thể" or "trao đổi hàng hóa".
            r"|trao\s+đổi(?=\s*(?:với|:))"
            # (a quotation of some length: "chỉ đạo người thân “đối đầu” với phóng viên" is a scare quote)
            r"|(?:" + _alternation(self.directive_verbs) + r")(?=[^.!?\n]{0,80}(?::|[“\"«][^”\"»\n]{20,})|\s+rằng"
            # a reported instruction: "yêu cầu khẩn trương hoàn thiện", "chỉ đạo không tổ chức ..."
            r"|\s+(?:(?:các|mọi)\s+\w+\s+)?(?:phải|cần|khẩn\s+trương|sớm|không|nghiêm\s+túc|kiên\s+quyết|"
            r"tuyệt\s+đối|chấm\s+dứt|tạm\s+dừng|dừng)(?!\w)))(?!\w)"
            # ... or a first person that opens unmarked words ("Đạo diễn X háo hức: Tôi từng làm ...")
            r"|:(?=\s*(?:[“\"«]|(?:chúng\s+)?tôi\s))"
        )

    @cached_property
    def _not_speech_re(self) -> re.Pattern[str]:
        # Idioms that contain a speech verb but report no speech; "lời" + a speech verb is a noun
        # ("tìm lời khuyên", "lời kể"), "thư xin lỗi" a letter.
        verbs = _alternation(self.speech_verbs)
        nouns = r"(?<!trả\s)(?<!đáp\s)lời\s+(?:" + verbs + r")|câu\s+(?:hỏi|trả\s+lời|nói)|(?:thư|đơn)\s+xin\s+lỗi|"
        # What a document says: "Trong bản khai này, anh ta nói ..." (GUIDE: a document's words do not count).
        nouns += (r"trong\s+(?:bản\s+khai|bản\s+tường\s+trình|bản\s+cam\s+kết|lá\s+đơn|đơn|bức\s+thư|lá\s+thư|thư|"
                  r"văn\s+bản|di\s+chúc)(?:\s+(?:này|đó|ấy))?\s*,?\s*(?:\w+\s+){0,3}?(?:" + verbs + r")|")
        return re.compile(r"(?<!\w)(?:" + nouns + r"nói\s+chung|nói\s+riêng|nói\s+cách\s+khác|có\s+thể\s+nói|kể\s+từ|kể\s+cả|"
                          r"nói\s+không\s+với|nói\s+lời\s+(?:chia\s+tay|tạm\s+biệt|từ\s+biệt|giã\s+từ)|lời\s+nói|tiếng\s+nói|không\s+kể|chưa\s+kể|nói\s+trên|hỏi\s+đáp|"
                          r"cho\s+biết\s+thêm\s+thông\s+tin|(?:bị|lời|các|những|mọi|rút\s+lại)\s+cáo\s+buộc|"
                          # "gợi ý" as a noun: "là những gợi ý", "theo gợi ý của"
                          r"(?:các|những|mọi|lời|vài|theo)\s+gợi\s+ý|gợi\s+ý\s+của|bị\s+(?:[^\s.,;:!?]+\s+){1,4}?cáo\s+buộc|cáo\s+buộc\s+của|đánh\s+giá\s+cao|phân\s+tích\s+mẫu|lời\s+khai|lấy\s+khai|"
                          r"yêu\s+cầu\s+của|theo\s+yêu\s+cầu|được\s+yêu\s+cầu|đề\s+nghị\s+của|theo\s+đề\s+nghị|"
                          r"được\s+đề\s+nghị|lời\s+xin\s+lỗi|lời\s+đề\s+nghị|chỉ\s+đạo\s+của|theo\s+chỉ\s+đạo|"
                          r"được\s+chỉ\s+đạo|đơn\s+yêu\s+cầu|văn\s+bản\s+yêu\s+cầu|công\s+văn\s+yêu\s+cầu|đơn\s+đề\s+nghị|"
                          r"tờ\s+trình\s+đề\s+nghị|bài\s+phát\s+biểu|lời\s+phát\s+biểu|bài\s+viết|trả\s+lời\s+phỏng\s+vấn\s+của|"
                          # declined: "từ chối tiết lộ", "không bình luận"
                          r"(?:từ\s+chối|không\s+muốn|không|chưa|chưa\s+thể|không\s+thể)\s+(?:tiết\s+lộ|trả\s+lời|"
                          r"bình\s+luận|cho\s+biết|xác\s+nhận|phát\s+biểu)|"
                          # posting pictures, performing a song: "chia sẻ ảnh đi bơi", "trình bày bài Diễm xưa"
                          r"chia\s+sẻ\s+(?:(?:một|những|loạt|nhiều|các|bộ)\s+)?(?:ảnh|hình|hình\s+ảnh|bức\s+ảnh|clip|video|đoạn\s+clip|đoạn\s+video)|"
                          r"trình\s+bày\s+(?:(?:lại|thành\s+công)\s+)?(?:bài|ca\s+khúc|bài\s+hát|tiết\s+mục|nhạc\s+phẩm)|"
                          # a skill, not speech: "nói thành thạo tiếng Đức", "nói được tiếng Anh"
                          r"nói\s+(?:thành\s+thạo|lưu\s+loát|trôi\s+chảy|giỏi|sõi|được|tiếng\s+(?!nói)\w+))(?!\w)")

    @cached_property
    def _attribution_re(self) -> re.Pattern[str]:
        return re.compile(r"(?:^|\s)(?:" + _alternation(self.attribution) + r")\s+((?:\S+\s+){0,10})$")

    @cached_property
    def _pronoun_speaker_re(self) -> re.Pattern[str]:
        verbs = _alternation(self.speech_verbs)
        # ", nhưng anh cũng kịp nhắn nhủ": after a contrast conjunction too.
        # "Nói về niềm đam mê của mình, ông chỉ cười: “...”": a short predicate and a colon that opens a
        # quotation (not "Ông bà ta có câu:", "anh em").
        return re.compile(r"(?:^|[“”\"«»,.:;–—-]\s*|,\s*(?:nhưng|song|còn)\s+)(ông|bà|anh|chị|cô)(?:\s+(?:ấy|này|ta))?\s+"
                          r"(?:(?:cũng|đã|còn|lại|thì|vẫn|liền|chỉ|mới|từng|kịp)\s+){0,2}(?:(?:" + verbs + r"|bày tỏ hy vọng|hy vọng(?=\s+(?:rằng|sẽ|chuyến|việc|các|những|\w+\s+sẽ)))(?!\w)"
                          r"|(?!(?:ông|bà|anh|chị|cô|em|ta|con|cháu|cha|mẹ)(?!\w))(?:[^\W\d]+\s+){0,2}[^\W\d]+\s*:\s*[“\"«])")

    # -- candidates ------------------------------------------------------------------------------

    def _is_viet(self, folded_token: str) -> bool:
        return bool(_VIET_SYLLABLE.match(folded_token))

    def _honorific_before_man(self, word: str, given: str) -> bool:
        """"Anh Tuấn cho biết": a run that opens with "Anh" (also England) and one given name that many
        men and hardly any women bear is "anh" and a man's name ("Anh Thư", "Anh Quốc" are not)."""
        if self.honorific_gender.get(word) != "M" or f"{word} {given}" in self.countries:
            return False
        men, women = self.given.get(given, (0, 0))
        return men >= 50 and men >= 10 * women

    def _stage_name_title(self, text: str, before_run: list[str], run_start: int, folded: list[str]) -> bool:
        """Right after a lowercase artist's or athlete's title or a gendered honorific, a capitalised
        "Xuân", "Thành", "Công" opens a name ("nghệ sĩ hài Xuân Bắc", "NSƯT Thành Lộc", "chị Thu Hà"),
        not a sentence; but not a place or organisation word ("cô giáo Trường Mầm non")."""
        if not before_run or not text[run_start - 2:run_start - 1].isalpha() or not 2 <= len(folded) <= 3 or \
                folded[0] in self.not_person_before:
            return False
        if sum(self.middle.get(folded[0], (0, 0))) < 20 or sum(self.given.get(folded[-1], (0, 0))) < 20:
            return False  # a common middle name, then a common given name
        title = self._title_before(" ".join(before_run))
        return title is not None and (self.role_words.get(title) == "celebrity" and title not in self.honorific_gender
                                      or title in ("ông", "bà", "anh", "chị", "cô", "chú", "cậu"))

    def _split_prefix(self, folded: list[str], keep_starters: bool = False, opens_clause: bool = False,
                      after_nationality: bool = False) -> int:
        """How many leading tokens of a capitalised run are titles, honorifics, countries or starters
        (``keep_starters``: not sentence starters; ``opens_clause``: no lowercase word right before;
        ``after_nationality``: "người" right before, so "người Bỉ Tim Coppens" opens with a country)."""
        i = 0
        n = len(folded)
        while i < n:
            took = 0
            for size in range(min(self._max_prefix_len, n - i), 0, -1):
                phrase = " ".join(folded[i:i + size])
                rest = folded[i + size:]
                # (the whole rest Vietnamese: "Mỹ Don Evans" is the country and an American)
                if phrase in self.countries and rest and all(self._is_viet(w) for w in rest) and rest[0] not in self.surnames \
                        and not (i == 0 and opens_clause and len(rest) == 1 and self._honorific_before_man(phrase, rest[0])) \
                        and not (i == 0 and after_nationality and not all(self._is_viet(w) for w in rest)):
                    break  # "bà Mỹ Phi": the country word is part of the name
                if phrase in self._prefix_words or phrase in self.countries or (
                        size == 1 and phrase in self.not_name_words and not keep_starters):
                    # Keep a surname-initial run intact: "Lê" is a surname, not a starter.
                    if size == 1 and phrase in self.surnames and i + 1 < n:
                        break
                    # "Bà Thành", "Dì Ba Thành": after a gendered honorific, the run's last word is
                    # a given name ("thành" also means "city"), when many people bear it.
                    if size == 1 and i + 1 == n and i and phrase not in self._prefix_words \
                            and phrase not in self.countries and self.honorific_gender.get(folded[0], "U") != "U" \
                            and sum(self.given.get(phrase, (0, 0))) >= 50:
                        break
                    took = size
                    break
            if not took:
                break
            i += took
        return i

    def _candidates(self, text: str, low: str, blocked: list[str] | None = None) -> list[Mention]:
        """Name-shaped mentions; ``blocked`` collects the runs a place or organisation word ruled out."""
        mentions: list[Mention] = []
        initial_spans: list[tuple[int, int]] = []
        # "bà P.T", "chị N.T.P.": dotted initials after an honorific name one person.
        for im in _INITIALS.finditer(text):
            words = self._words_before(low, im.start())
            honorific = self._honorific_ending(words, (2, 1))
            # "Công nhân N.V.A cho biết": a person noun names the initials' bearer too.
            if honorific is None and not self._initials_noun(words):
                continue
            name = im.group(0).rstrip(".")
            initial_spans.append(im.span())
            mentions.append(Mention(start=im.start(), end=im.start() + len(name), tokens=[name],
                                    honorific=honorific, prefix=" ".join(words[-6:]), initial=False))
        runs: list[list[tuple[int, int]]] = []
        for run_match in _CAP_RUN.finditer(text):
            base = run_match.start()
            if any(a <= base < b for a, b in initial_spans):
                continue
            run = [(base + t.start(), base + t.end()) for t in _TOKEN.finditer(run_match.group(0))]
            # "Dominique de Villepin", "Fares al-Munjed", "Robin van Persie": a lowercase particle
            # inside a foreign name joins the two runs around it.
            if runs and run and runs[-1][-1][1] < base:
                last_start, last_end = runs[-1][-1]
                gap = _PARTICLE_GAP.fullmatch(text, last_end, base)
                if gap and not self._is_viet(low[last_start:last_end]) and not self._is_viet(low[run[0][0]:run[0][1]]):
                    runs[-1].extend([gap.span(1), *run])
                    continue
            runs.append(run)
        for run in runs:
            # Acronyms (UBND, FBI, TTXVN) are not name parts: split the run at them.
            pieces: list[list[tuple[int, int]]] = [[]]
            for a, b in run:
                w = text[a:b]
                if len(w) > 1 and w.isupper():
                    pieces.append([])
                elif pieces[-1] and text[a - 2:a] == ". " and low[a:b] in PLAIN_HONORIFICS:
                    # "-18 độ C. Bà Giovanna ...": a letter that ends a sentence, then an honorific that
                    # opens the next; no initial stands before "bà" or "ông" in a name.
                    pieces.append([(a, b)])
                else:
                    pieces[-1].append((a, b))
            for piece in pieces:
                if len(piece) == 1 and low[piece[0][0]:piece[0][1]] in self._lone_non_names:
                    continue  # "Sau", "Ông", "Mỹ" alone: peeled as a starter, title or country (fast path)
                if piece:
                    m = self._mention_from_run(text, low, piece, blocked)
                    if m is not None:
                        mentions.append(m)
        # "HLV L.Enrique", "C.Ronaldo", "A.Merkel": an initial glued to a foreign surname (sport and
        # world pages); a Vietnamese word after it is a unit or a byline ("Q.Hai", "T.Nhung").
        for gm in _GLUED_INITIAL.finditer(text):
            words_after = gm.group(2).split()
            if any(self._is_viet(_fold(w)) or _fold(w) in self.foreign_non_names or len(w) < 3
                   or any(ch.isupper() for ch in w[1:]) for w in words_after):
                continue  # not "Q.H", nor "T.TúTổng" (a byline glued to the next word)
            words = self._words_before(low, gm.start())
            if self._blocked(" ".join(words)):
                continue
            mentions = [x for x in mentions if not gm.start() <= x.start < gm.end()]
            mentions.append(Mention(start=gm.start(), end=gm.end(), tokens=[gm.group(1), *words_after],
                                    honorific=self._honorific_ending(words), prefix=" ".join(words[-10:]),
                                    dotted_initial=True))
        for start, end, tokens in self._initialled_names(text, low):
            words = self._words_before(low, start)
            if self._blocked(" ".join(words)):
                continue
            mentions = [x for x in mentions if not start <= x.start < end and not x.start <= start < x.end]
            mentions.append(Mention(start=start, end=end, tokens=tokens, honorific=self._honorific_ending(words),
                                    prefix=" ".join(words[-10:]), initialled=True))
        # "Minh “Sứt”", "Dung "Hà"": a given name and a nickname in quotes (crime reports).
        for nm in _NICKNAME.finditer(text):
            given, nick = nm.group(1), nm.group(2)
            if sum(self.given.get(_fold(given), (0, 0))) < 10 or _fold(nick) in self.not_name_words:
                continue
            words = self._words_before(low, nm.start())
            if self._blocked(" ".join(words)):
                continue
            mentions = [x for x in mentions if not nm.start() <= x.start < nm.end()]
            mentions.append(Mention(start=nm.start(), end=nm.start(1) + len(given), tokens=[given, nick],
                                    honorific=self._honorific_ending(words), prefix=" ".join(words[-10:]),
                                    nickname=True, alias=bool(_ALIAS_BEFORE.search(low, max(0, nm.start() - 20),
                                                                                    nm.start()))))
        return mentions

    def _initialled_names(self, text: str, low: str) -> Iterator[tuple[int, int, list[str]]]:
        """Vietnamese names written partly in initials: (start, end, tokens) of "Dương Thị B.H." (a
        known surname and a middle name spelt out), "H.T. Hoài" (a given name most bearers share), and
        "N.T.T.M. (học sinh ...)" (three initials or more, a bracket of particulars after them)."""
        for im in _SPELT_THEN_INITIALS.finditer(text):
            words = im.group(1).split(" ")
            # The name is the tail of the run that opens with a surname: "Tại Dương Thị B.H." -> "Dương Thị".
            for k in range(len(words) - 1):
                tail = [_fold(w) for w in words[k:]]
                if tail[0] in self.surnames and all(self._is_viet(w) for w in tail):
                    start = im.start(1) + len(" ".join(words[:k])) + (1 if k else 0)
                    initials = im.group(2).rstrip(".")  # "Vi Thị P.L." and "Vi Thị P.L" are one person
                    yield start, im.start(2) + len(initials), [*words[k:], initials]
                    break
        for im in _INITIALS_THEN_GIVEN.finditer(text):
            given = _fold(im.group(2))
            line_end = text.find("\n", im.end())
            rest = text[im.end():line_end if line_end >= 0 else len(text)]
            if sum(self.given.get(given, (0, 0))) < 30 or not self._is_viet(given) or not rest.strip(" .,;:)") \
                    or not text[:im.start()].strip() or text[:im.start()].rstrip(" ")[-1] in ".:!?\n":
                # Not a byline at a paragraph's end ("T.T. Hương"); not initials that open a sentence,
                # where the next word is capitalised anyway ("M.U. Chính thức ...", "Ảnh: P.D. Gia đình ...").
                continue
            if given in self.not_name_words or given in self.honorific_gender or \
                    text.count(im.group(1).rstrip(".")) > text.count(im.group(0)):
                # Initials that end a sentence, the next one's first word after them ("cháu B.A. Công an
                # ...", "với M.U. Thế nhưng ..."): a common word, or initials the text also uses alone.
                continue
            yield im.start(), im.end(), [im.group(1), im.group(2)]
        for im in _INITIALS_BRACKET.finditer(text):
            inside = low[im.start(2):im.end(2)]
            words = inside.replace(",", " ").split()
            if re.search(r"\d+\s*tuổi|(?<!\w)(?:sn|sinh năm)\s*\d", inside) or \
                    any(" ".join(words[:n]) in self._person_nouns for n in (1, 2, 3)):
                yield im.start(), im.start() + len(im.group(1).rstrip(".")), [im.group(1).rstrip(".")]
                # "M. khai nhận ...": the last initial alone, with its period, names the same person later on.
                last = im.group(1).rstrip(".")[-1]
                for bm in re.finditer(r"(?<![\w.])" + last + r"\.(?![\w.])", text[im.end():]):
                    yield im.end() + bm.start(), im.end() + bm.start() + 1, [last]

    def _name_after_place(self, folded: list[str], before_run: list[str]) -> int | None:
        """Where a person's name starts in a run that begins with a place or organisation.

        "tỉnh Hà Giang Nguyễn Văn Sơn": a known place, then a full name. "Giám đốc Công ty Phú An
        Sinh Lâm Hiền Phước": after a title, the name is the surname-initial tail of the run.
        """
        def name_at(j: int) -> bool:
            rest = folded[j:]
            return (folded[j] in self.surnames and 2 <= len(rest) <= 4
                    and all(self._is_viet(t) for t in rest))

        for j in range(1, len(folded) - 1):
            if " ".join(folded[:j]) in self.places and name_at(j):
                return j
        # "Cục Thuế TP Nguyễn Đình Tấn", "tại Nhật Nguyễn Trung Dũng": a one-word country or city
        # abbreviation, then a surname-led full name of three or four words.
        if len(folded) >= 4 and (folded[0] in self.countries or folded[0] in _CITY_ABBREVIATIONS) and name_at(1):
            return 1
        if before_run and (before_run[-1] in _CITY_ABBREVIATIONS or before_run[-1] in self.countries) and \
                len(folded) >= 3 and name_at(0) and any(w in self._title_vocabulary for w in before_run[-8:-1]):
            return 0  # the same with the abbreviation its own run: "phó cục trưởng Cục Thuế TP | Nguyễn Đình Tấn"
        titled = any(w in self._title_vocabulary for w in before_run[-12:]) and \
            self._nearest_role_title(before_run[-12:]) is not None
        if titled:
            # Only a full name (3-4 syllables) is split off: "phường Nguyễn An Ninh" stays a place.
            for j in (len(folded) - 3, len(folded) - 4, 0):
                if 0 <= j < len(folded) and name_at(j) and len(folded) - j >= 3 and (
                        j > 0 or "văn" in folded or "thị" in folded
                        # an office that no place is named after ends the title: "Chủ nhiệm Ủy ban Pháp
                        # luật của Quốc hội Vũ Đức Khiển" (unlike "phường Nguyễn An Ninh")
                        or " ".join(before_run[-2:]) in _NAMELESS_BODIES) and not (
                        j > 0 and " ".join(folded[j - 1:j + 1]) in self.places):  # not inside "Quảng Ninh"
                    return j
        return None

    def _foreign_name_words(self, text: str, low: str, run: list[tuple[int, int]]) -> bool:
        """A foreign name: no capitalised word looks Vietnamese, or a known foreign given name opens
        it ("Paul Ryan": "Ryan" is a Vietnamese syllable in shape)."""
        if any(b - a < 2 for a, b in run):
            return False  # "Juan M.Flavier": the glued initial names him (see _candidates)
        viet = [self._is_viet(low[a:b]) and not text[a].islower() for a, b in run]
        return not any(viet) or not all(viet) and low[run[0][0]:run[0][1]] in self.foreign_gender

    def _title_portfolio(self, words: list[str]) -> bool:
        """Do ``words`` end with a title and its portfolio ("thứ trưởng tư pháp"), not a ministry?"""
        for size in (3, 2, 1):
            phrase = " ".join(words[-size:])
            if len(words) > size and phrase in _PORTFOLIOS:
                before = words[:len(words) - size]
                return any(" ".join(before[-n:]) in self.role_words and " ".join(before[-n:]) not in
                           self.honorific_gender for n in (1, 2, 3) if len(before) >= n)
        return False

    def _honorific_ending(self, words: list[str], sizes: tuple[int, ...] = (3, 2, 1)) -> str | None:
        """The honorific that ends ``words`` ("bà", "cô em gái"), if any; not the last syllable of a
        word that merely ends like one ("khủng bố", "tuyên bố": "bố" is no father there)."""
        for size in sizes:
            if len(words) < size:
                continue
            phrase = " ".join(words[-size:])
            if phrase in self.honorific_gender:
                if " ".join(words[-size - 1:]) in self.not_honorific_compounds:
                    return None
                return phrase
        return None

    def _titled_place_name(self, folded: list[str], prefix: str) -> bool:
        """A place named after a person, said as that person: a title or honorific right before a
        surname-led name of three words ("Chủ tịch Hồ Chí Minh"; not "TP Hồ Chí Minh", "huyện Trần
        Văn Thời")."""
        if len(folded) != 3 or folded[0] not in self.surnames:
            return False
        title = self._title_before(prefix)  # an office or a gendered honorific, not "người dân"
        return title is not None and (self.role_words.get(title) == "official"
                                      or self.honorific_gender.get(title, "U") != "U")

    def _personal_full_name(self, folded: list[str]) -> bool:
        """A full name with "Văn" or "Thị" ("Trần Văn Thời" is a district too; "Hồ Chí Minh" a city)."""
        return ("văn" in folded[1:-1] or "thị" in folded[1:-1]) and self._full_name_shape(folded)

    def _full_name_shape(self, folded: list[str]) -> bool:
        """Surname + common middle name(s) + common given name: "Hồ Sỹ Hùng", "Đoàn Văn Hậu" (a
        surname that is also a place or organisation word: "hồ", "đoàn"), not "Đường Trần Hưng Đạo"."""
        if not 3 <= len(folded) <= 4 or folded[0] not in self.surnames \
                or not all(self._is_viet(t) for t in folded):
            return False
        if folded[1] in self.surnames or folded[0] in self.place_list_heads:
            return False  # "Đường Trần Hưng Đạo", "Đường Vĩnh Khánh": a street
        if " ".join(folded[1:]) in self.countries or " ".join(folded[1:]) in self.places:
            return False  # "đoàn Việt Nam": a delegation
        middles_known = all(sum(self.middle.get(t, (0, 0))) >= 10 for t in folded[1:-1])
        return middles_known and sum(self.given.get(folded[-1], (0, 0))) >= 10

    def _ends_in_place(self, folded: list[str]) -> bool:
        """The run's last two or three words name a province or district that is not also a common
        middle + given name pair ("Hà Nội" yes; "Hà Giang", "Thái Bình" are names too)."""
        for size in (3, 2):
            tail = " ".join(folded[-size:])
            if len(folded) > size and tail in self.places and tail not in self.middle_given:
                return True
        return False

    def _spilled_into_next_word(self, last: str, after: str, foreign_before: bool = False) -> bool:
        """Is the run's last word really the first word of what follows? With the word after it, it
        makes a speech verb, a sentence opener, a title or an organisation ("Thông báo", "Sau đó",
        "Nghệ sỹ", "Văn phòng"), or it is a function word that opens sentences ("Sau", "Trước")."""
        nxt = _WORD.findall(after)[:1]  # "Được biết," without its comma
        if nxt and not after[:1].isspace():
            return False
        pair = " ".join([last, *nxt])
        if nxt and (pair in self.speech_verbs or pair in self.not_name_words or pair in self.role_words
                    or pair in self.not_person_before):
            return True  # "Thông báo", "Sau đó", "Nghệ sỹ", "Văn phòng"
        # "Ronaldo Ở ...", "MobiFone Bộ Thông tin": a Vietnamese starter word never ends a foreign name.
        return last in _OPENERS or foreign_before and last in self.not_name_words

    def _words_before(self, low: str, pos: int, breaks_from: str | None = None) -> list[str]:
        """Lowercase words before ``pos`` back to the last clause break (at most 80 characters); the
        same words as written when ``low`` is the original text and ``breaks_from`` its lowercase."""
        abbr = _ABBREVIATION_RIGHT_BEFORE.search(low, max(0, pos - 12), pos)
        if abbr:
            # the words before "(BV)" are the name's prefix when they name a place or an office (not
            # "trận Công nhân (CN) Bia Đỏ": a title before a team)
            head = low[max(0, abbr.start() - 30):abbr.start()].lower().split()
            if any(" ".join(head[-size:]) in self.not_person_before for size in (3, 2, 1) if len(head) >= size):
                pos = abbr.start() + 1
        before = low[max(0, pos - 80):pos]
        brk = list(_CLAUSE_BREAK.finditer(before if breaks_from is None else breaks_from[max(0, pos - 80):pos]))
        if brk:
            before = before[brk[-1].end():]
        return before.split()

    def _mention_from_run(self, text: str, low: str, run: list[tuple[int, int]],
                          blocked: list[str] | None = None) -> Mention | None:
        # "Mai Thị L. Đây là...": after an initial and a period, a common word starts a new sentence.
        for i in range(len(run) - 1):
            a, b = run[i]
            if b - a == 1 and text[b:b + 1] == ".":
                nxt_start, nxt_end = run[i + 1]
                two = " ".join(low[nxt_start:nxt_start + 30].split()[:2])  # "P. Đồng thời, hắn..."
                if low[nxt_start:nxt_end] in self.not_name_words or two.rstrip(",") in self.not_name_words:
                    run = run[:i + 1]
                    break
        folded = [low[a:b] for a, b in run]
        # "ông Đậu Ngọc Bái Thông báo...", "TP Buôn Ma Thuột Trước đó": a lost period, and the run took
        # the next sentence's first word. Cut it before any other check looks at the run.
        # "Tổng thống Thổ Nhĩ Kỳ Erdogan Theo Bộ trưởng...": a one-word foreign name spills too.
        spilled = False
        for again in (False, True):  # "... Kỳ Erdogan Theo Bộ trưởng": "Bộ", then "Theo" (a foreign name only)
            if again and (not spilled or len(folded) < 2 or self._is_viet(folded[-2])):
                break
            if (len(run) >= 3 or len(run) == 2 and not self._is_viet(folded[0])) and \
                    self._spilled_into_next_word(folded[-1], low[run[-1][1]:run[-1][1] + 30],
                                                 foreign_before=not self._is_viet(folded[-2])):
                run, folded, spilled = run[:-1], folded[:-1], True
        run_start = run[0][0]
        # "P.Hòa Hiệp", "Q.1", "TP.Vinh": an abbreviated unit right before the run.
        if _UNIT_ABBREV_BEFORE.search(low[max(0, run_start - 4):run_start]):
            return None
        # A photo credit: "(Ảnh: Phương Vy/TTXVN)".
        # ("Ảnh: Shutterstock/Dirk Ercken", "Ảnh: Reuters/John Smith": an agency, then its photographer)
        if _CREDIT_BEFORE.search(low[max(0, run_start - 12):run_start]) \
                or run_start and low[run_start - 1] == "/" and _AGENCY_CREDIT_BEFORE.search(low, max(0, run_start - 40),
                                                                                           run_start) \
                or folded[0] == "ảnh" and text[run_start:run_start + 1] == "Ả" and len(run) <= 4 \
                and _CAPTION_CREDIT_BEFORE.search(text, max(0, run_start - 4), run_start) \
                or text[run[-1][1]:run[-1][1] + 1] == "/":
            return None
        # A byline: a short run alone after the last sentence of the text.
        tail = text[run[-1][1]:].strip()
        # (with a bracket of its own: "Anh Khoa (từ Cheonan, Hàn Quốc)", "Anh Tuấn (lược dịch)")
        if (not tail or _BRACKET_ONLY.fullmatch(tail)) and _ENDS_SENTENCE.search(text[:run_start]) and len(run) <= 4:
            return None
        # A name alone in quotation marks is a title or a role: nàng “Vương Ngữ Yến”, phim "Lục Vân Tiên".
        if run_start and text[run_start - 1] in "“\"«" and text[run[-1][1]:run[-1][1] + 1] in "”\"»":
            return None
        # "ngách 49/28 Huỳnh Thúc Kháng": a house number makes it an address.
        if _HOUSE_NUMBER_BEFORE.search(low[max(0, run_start - 12):run_start]):
            return None
        # "(1984, Bùi Xương Trạch, Hà Nội)", "(32 tuổi, Lê Lợi, ...)": a bracket opened by a birth
        # year or an age lists an address; streets there are named after people.
        opened = low.rfind("(", max(0, run_start - 80), run_start)
        if opened != -1 and ")" not in low[opened:run_start] and _YEAR_OR_AGE_BRACKET.match(low, opened):
            return None
        before_run = self._words_before(low, run_start)
        # ("Trung vệ Anh Dũng": after a title "Anh Dũng" is the name, "Anh" no honorific)
        # "dì Ba Thành", "chú Năm Hùng": after a kin honorific, a birth-order word opens the name.
        birth_order = len(folded) == 2 and folded[0] in _BIRTH_ORDER and " ".join(folded) not in self.countries and \
            " ".join(folded) not in self.places and \
            self._honorific_ending(before_run, (1,)) is not None and text[run_start - 2:run_start - 1].isalpha()
        k = self._split_prefix(folded, keep_starters=birth_order or self._stage_name_title(text, before_run, run_start,
                                                                                         folded),
                               opens_clause=not _LOWER_WORD_BEFORE.search(text, max(0, run_start - 3), run_start),
                               after_nationality=bool(before_run) and before_run[-1] == "người")
        player_listed = len(folded) == 2 and sum(self.middle_given.get(" ".join(folded), (0, 0))) >= 3 and \
            bool(_TITLED_NAME_LIST.search(text, max(0, run_start - 100), run_start))
        if k == 1 and len(run) > 1 and run[0][1] - run[0][0] == 1 and text[run[0][1]:run[0][1] + 1] == ".":
            k = 0  # "bà O. Xađacô": an initial, not the honorific "o" (an aunt)
        dehyphen = " ".join(folded).replace("-", " ")
        if player_listed and dehyphen in self.places:
            # "tiền đạo Minh Hải" (a former province): a player only if always named with a title;
            # "một cầu thủ Bình Dương ... Bình Dương thắng": a club named after its province.
            player_listed = self._always_titled(text, low, text[run[0][0]:run[-1][1]])
        # "Buôn Ma Thuột"; "Huyện Phú Hòa" (a unit word, then a place), but "Phạm Phú Hòa" is a
        # surname and a given name that a commune happens to share.
        tail_place = " ".join(folded[1:]).replace("-", " ") in self.places
        # "Trần Văn Thời" is a district and a man: a unit word before it ("huyện") rules it out below.
        if player_listed:
            pass  # "tiền đạo Thanh Bình": a name that a district shares
        elif dehyphen in self.places and not self._personal_full_name(folded) \
                and not self._titled_place_name(folded, " ".join(before_run[-4:])) or tail_place and (
                folded[0] not in self.surnames or folded[0] in self.not_name_words  # "Từ Hà Nội, bạn đi..."
                or " ".join(folded[:-1]) in self.places):  # "Thái Bình Dương": places overlapping
            return None
        honorific_before = self._honorific_ending(before_run, (2, 1)) is not None
        org_first = (folded[0] in self.not_person_before and folded[0] not in self._prefix_words
                     and not honorific_before and not self._full_name_shape(folded) and not player_listed)
        # (the words as written only when the lowercase ones look like a list: most runs are not)
        if self._in_place_list(" ".join(before_run)) and self._in_place_list(
                " ".join(before_run), " ".join(self._words_before(text, run_start, low))) or \
                self._in_colon_place_list(low, run_start):
            return None
        # "ngã tư Võ Văn Tần - Lê Quý Đôn", "đường Nguyễn Trãi – Lê Lợi": a dash joins a second street
        # to one a place word opened (the dash is a clause break for the words before the run).
        dash = _DASH_BEFORE.search(low, max(0, run_start - 3), run_start)
        if dash and self._in_place_list(" ".join(self._words_before(low, dash.start())) + ","):
            return None
        if org_first or self._blocked(" ".join(before_run), place_list=False):
            k = self._name_after_place(folded, before_run)
            peeled = self._split_prefix(folded)
            if k is None and not org_first and self._title_portfolio(before_run) and peeled < len(run) and \
                    self._foreign_name_words(text, low, run[peeled:]):
                # "Thứ trưởng Tư pháp Rod Rosenstein": a title and its portfolio, then a foreign name
                # (after its country: "Bộ trưởng Quốc phòng Qatar Khalid ...", "Bộ trưởng Tài chính Mỹ
                # John Snow").
                k = peeled
            if k is None and not org_first and any(w in self._title_vocabulary for w in before_run[-8:]):
                # "phó văn phòng Nhà Trắng Karl Rove": after a title, an office named in the country
                # list, then a foreign name of two or three words.
                for j in (3, 2, 1):
                    if 2 <= len(run) - j <= 3 and " ".join(folded[:j]) in self.countries and \
                            self._foreign_name_words(text, low, run[j:]):
                        k = j
                        break
            if k is None:
                # "rượu Hồng Đào", "nhãn hiệu Hồng Đào": a thing's name; not a run that is the
                # organisation word alone ("Trang cũng đã đi xem bói": "trang" is a page too).
                if blocked is not None and not (org_first and len(folded) == 1):
                    blocked.append(" ".join(folded[self._split_prefix(folded):]))
                return None
            after_place = True
        else:
            after_place = False
        # "Hội đồng trị sự Nguyễn Phúc tộc": a clan, not a person.
        if _CLAN_AFTER.match(low[run[-1][1]:run[-1][1] + 12]):
            return None
        # "Quảng Ninh Minh Khang": a place name leading the run is not part of the name.
        for size in (3, 2):
            lead = " ".join(folded[k:k + size])
            # A surname-led full name keeps its first words even when they spell a district:
            # "Sở Y tế Nam Định Vũ Quang Minh" ("Vũ Quang" is a district too).
            rest = len(folded) - k - size
            if rest > 0 and (lead in self.countries or lead in self.places and (
                    rest >= 2 or folded[k] not in self.surnames)):  # "Hàn Quốc Mùi ngò gai"
                k += size
                break
        core = run[k:]
        if not core:
            return None
        # "danh hiệu Cậu Bé Vàng": an honorific capitalised inside a sentence opens a title-cased name
        # of a thing (an award, a film), not a person; at a sentence start it is just capitalised.
        if len(core) == 1 and k and any(f in self.honorific_gender for f in folded[:k]) and \
                _LOWER_WORD_BEFORE.search(text, max(0, run_start - 12), run_start):
            return None
        # "Liên Hiệp Quốc Emma Bonino": Vietnamese words, then a foreign name. (A lowercase particle
        # joined into a foreign name, "bin", "de", is no Vietnamese syllable.)
        viet_flags = [self._is_viet(low[a:b]) and not text[a].islower() for a, b in core]
        if viet_flags[0] and not all(viet_flags):
            first_foreign = viet_flags.index(False)
            if len(core) - first_foreign >= 2 and not any(viet_flags[first_foreign:]):
                core = core[first_foreign:]
        elif not viet_flags[0] and any(viet_flags):
            # "Vietsovpetro Dương Quốc Hà": a foreign firm's name, then a Vietnamese full name.
            first_viet = viet_flags.index(True)
            tail = [low[a:b] for a, b in core[first_viet:]]
            if all(viet_flags[first_viet:]) and 3 <= len(tail) <= 4 and tail[0] in self.surnames:
                core = core[first_viet:]
        core_folded = [low[a:b] for a, b in core]
        # "Tết Đinh Dậu": a year of the sexagenary cycle.
        if len(core) == 2 and core_folded[0] in self.can_chi[0] and core_folded[1] in self.can_chi[1]:
            return None
        if any(_fold(text[a:b]) in self.foreign_non_names for a, b in core) and \
                not all(self._is_viet(low[a:b]) for a, b in core):
            return None
        # A single capitalised word that starts a title or an organisation ("Bí thư", "Cục Điều tra",
        # "Văn phòng", "Quyết định") is not a name.
        if len(core) == 1:
            nxt = _WORD.findall(low, core[0][1], core[0][1] + 30)[:2]  # "Quốc hội," without its comma
            w = folded[k]
            for size in (2, 1):
                phrase = " ".join([w, *nxt[:size]])
                if len(nxt) >= size and (phrase in self.role_words or phrase in self.not_person_before
                                         or phrase in self.not_name_words):
                    return None
        if len(core) == 1 and self._inside_organisation_name(text, low, core[0][0]):
            return None
        # "các cô gái Việt", "chàng trai Hàn": a nationality after a generic noun.
        if len(core) == 1 and (folded[k] in self.countries or folded[k] in ("việt", "hàn", "hoa", "khmer")
                               or _NAMED_AS_AFTER.match(text, core[0][1])) and \
                _GENERIC_NOUN_BEFORE.search(low[max(0, core[0][0] - 14):core[0][0]]):
            return None
        # Words before the core in the same clause: the capitalised prefix plus lowercase words.
        start = core[0][0]
        words_before = self._words_before(low, start)
        prefix = " ".join(words_before[-10:])
        honorific = self._honorific_ending(words_before)
        if len(core) >= 3 and honorific is None and self._ends_in_place(core_folded) and (
                len(core) >= 4 or core_folded[0] not in self.surnames):  # "Phạm Gia Lai" is a name
            return None  # "Hòa Phát Hà Nội": a team or firm named with its city, not a person
        end = core[-1][1]
        tokens = [text[a:b] for a, b in core]
        initial = len(tokens) == 1 and len(tokens[0]) == 1 and end < len(text) and text[end] == "."
        if initial and end + 1 < len(text) and text[end + 1].isalpha():
            return None  # "Q.Liên Chiểu", "P.Hòa Hiệp": an abbreviated unit
        if initial:
            end += 1
            tokens = [tokens[0]]
        aged = bool(_AGE_AFTER.match(low, end))
        dotted_initial = len(tokens) > 1 and len(tokens[0]) == 1 and text[core[0][1]:core[0][1] + 1] == "."
        club_after = bool(_CLUB_AFTER.match(text, end))
        return Mention(start=start, end=end if not initial else end - 1, tokens=tokens, honorific=honorific,
                       prefix=prefix, initial=initial, after_place=after_place, aged=aged, spilled=spilled,
                       club_after=club_after, dotted_initial=dotted_initial, player_listed=player_listed and k == 0)

    def _inside_organisation_name(self, text: str, low: str, start: int) -> bool:
        """A one-word "name" that continues an organisation's title-cased name: "Phòng Cảnh sát
        Bảo vệ", "Cục Cảnh sát Giao thông" (an organisation word, then a capitalised job title)."""
        words, cased = low[max(0, start - 40):start].split(), text[max(0, start - 40):start].split()
        for size in (3, 2, 1):
            if len(words) <= size:
                continue
            title, org = " ".join(words[-size:]), words[-size - 1]
            if title in self.role_words and cased[-size][:1].isupper() and cased[-size - 1][:1].isupper() \
                    and org in self.not_person_before:
                return True
        return False

    def _strip_countries(self, words: list[str]) -> list[str]:
        """``words`` without the countries that end them ("quốc vương ả rập xê út", "tay đua người canada")."""
        words = list(words)
        while words:  # "quốc vương ả rập xê út": a country of several words too
            size = next((n for n in (4, 3, 2, 1) if len(words) >= n and " ".join(words[-n:]) in self.countries), 0)
            if not size:
                break
            del words[-size:]
            if words and words[-1] == "người":  # "tay đua người Canada": a nationality
                del words[-1]
        return words

    def _title_before(self, prefix: str, *, immediate: bool = True) -> str | None:
        """The title or honorific right before the name (country words between are allowed:
        "tổng thống nga"); with ``immediate=False``, the nearest one among the last words."""
        if prefix.endswith(_INTERIM):
            prefix = prefix[:-len(_INTERIM)]  # "thủ tướng lâm thời": an interim title is a title
        words = self._strip_countries(prefix.split())
        ends = [len(words)] if immediate else range(len(words), 0, -1)
        for end in ends:
            for size in (4, 3, 2, 1):
                if end - size < 0:
                    continue
                phrase = " ".join(words[end - size:end])
                if (phrase in self.role_words or phrase in self.honorific_gender) and " ".join(
                        words[max(0, end - size - 1):end]) not in self.not_honorific_compounds:
                    return phrase
        return None

    def _nearest_role_title(self, words: list[str]) -> str | None:
        """The role title closest to the end of ``words`` (honorifics such as "ông" are not titles)."""
        for end in range(len(words), 0, -1):
            for size in (4, 3, 2, 1):
                if end - size < 0:
                    continue
                phrase = " ".join(words[end - size:end])
                if phrase in self.role_words and phrase not in self.honorific_gender and not (
                        phrase == "tên" and (end - 2 >= 0 and words[end - 2] in _NAME_NOUN_BEFORE_TEN
                                             or end < len(words) and words[end] in _NAME_NOUN_AFTER_TEN)):
                    return phrase
        return None

    def _blocked(self, prefix: str, place_list: bool = True) -> bool:
        """A place or organisation word right before the name (``place_list``: or a list of streets,
        for a caller that has not already asked :meth:`_in_place_list` with the words as written)."""
        if prefix.endswith(_INTERIM):
            prefix = prefix[:-len(_INTERIM)]  # "Phó thủ tướng lâm thời Iraq X": "thời" is no era there
        if ("lực lượng" in prefix or "đoàn" in prefix or "đại đội" in prefix) and _UNIT_NAMED_AFTER.search(prefix):
            return True
        words = prefix.split()
        for size in (3, 2, 1):
            phrase = " ".join(words[-size:])
            if len(words) >= size and phrase in self.not_person_before:
                # "thương vụ Ivan Perisic", "vụ án Lê Văn A": an affair named after a person.
                return " ".join(words[-size - 1:]) not in self.case_words and phrase not in self.case_words
        if self._org_with_descriptors(words):
            return True
        return place_list and self._in_place_list(prefix)

    def _org_with_descriptors(self, words: list[str]) -> bool:
        """An organisation's head and the words that say what it does, then its name: "Công ty Xây
        dựng Bạch Đằng", "Bệnh viện tâm thần ban ngày Mai Hương", "cửa hàng xuất nhập khẩu tư doanh
        Đồng Tiến" (people.yaml: org_heads, org_descriptors); not after a job title, where the name is
        the job holder's."""
        end = len(words)
        while end > 0:  # walk back over the descriptors, longest first
            step = next((n for n in (3, 2, 1) if end >= n and " ".join(words[end - n:end]) in self.org_descriptors), 0)
            if not step:
                break
            end -= step
        head = next((n for n in (3, 2, 1) if end >= n and " ".join(words[end - n:end]) in self.org_heads), 0)
        # (not after a job title: "giám đốc Công ty Môi trường đô thị Huỳnh Minh Nhựt" is the director)
        return end < len(words) and bool(head) and self._nearest_role_title(words[max(0, end - head - 3):end - head]) is None

    def _in_place_list(self, prefix: str, cased: str | None = None) -> bool:
        """The name continues a list of streets or places: "trên phố Hàng Mã, Lương Văn Can" (with
        ``cased``, the prefix as written: the word after the head is a name, not "trên đường đi, X")."""
        prefix = prefix.rstrip()
        check_case = cased is not None
        cased = (cased or prefix).rstrip()
        if prefix.endswith(" và"):  # "ba công viên Tao Đàn, 30-4 và Lê Văn Tám": the list's last item
            prefix, cased = prefix[:-3].rstrip() + ",", cased[:-3].rstrip() + ","
        if not prefix.endswith(","):
            return False
        # Walk back over short list items to the one that opens the list.
        for item, cased_item in zip(reversed(prefix.rstrip(",").split(",")), reversed(cased.rstrip(",").split(",")),
                                    strict=True):
            words, cased_words = item.split(), cased_item.split()
            # "phố Hàng Mã" opens a list of streets; "khu phố 11" (a number) is an address.
            # Not a head that is part of a job title: "các cầu thủ Văn Quyến, Quốc Anh" (players).
            if any(len(words) > k and " ".join(words[-k - n:-k]) in self.place_list_heads
                   and not words[-k][0].isdigit() and (not check_case or any(not w[:1].islower() for w in cased_words[-k:]))
                   and " ".join(words[-k - n - 1:-k]) not in self.place_list_heads_not
                   and " ".join(words[-k - n:len(words) - k + 1]) not in self.role_words
                   for k in (1, 2, 3, 4) for n in (1, 2)):
                return True
            if not 1 <= len(words) <= 4:
                return False
        return False

    def _in_colon_place_list(self, low: str, start: int) -> bool:
        """The name is an item of a list that a colon opens after streets or places: "được trồng ở
        các tuyến phố: Hoàng Diệu, Lê Hồng Phong, ..." (streets named after people)."""
        window = low[max(0, start - 250):start]
        colon = window.rfind(":")
        if colon == -1:
            return False
        # (an item's bracket is dropped: "3 phường: Tương Mai (quận Hai Bà Trưng), Phương Liên")
        listed = _BRACKETED.sub("", window[colon + 1:])
        items = listed.split(",")
        if items[-1].strip() or any(ch in listed for ch in ".;!?\n“”\"()") or \
                any(not 1 <= len(item.split()) <= 5 for item in items[:-1]):
            return False
        head = window[:colon].split()
        return any(" ".join(head[-n:]) in self.place_list_heads for n in (1, 2, 3)) or \
            bool(_COUNTED_UNITS.search(window, 0, colon))

    def _accept(self, m: Mention) -> str | None:
        """'yes', 'maybe' (foreign-looking, needs more evidence) or None."""
        folded = [_fold(t) for t in m.tokens]
        if self._blocked(m.prefix, place_list=False) and not m.after_place:  # (a run's list: _mention_from_run)
            return None
        if m.initial:
            return "yes" if m.honorific else None
        if m.initialled:
            return "yes"
        if m.nickname or m.player_listed and all(self._is_viet(_fold(t)) for t in m.tokens):
            return "yes"
        if sum(not t[:1].islower() for t in m.tokens) > 5:
            return None  # ("Sheikh Tamim bin Hamad Al Thani": the particle is no word of the count)
        titled = m.honorific is not None or self._title_before(m.prefix) is not None
        viet = all(self._is_viet(t) and not o[:1].islower() for t, o in zip(folded, m.tokens, strict=True))
        key = " ".join(folded)
        if key in self.places and m.honorific is None and not self._personal_full_name(folded) \
                and not self._titled_place_name(folded, m.prefix):
            return None
        if len(folded) >= 3 and " ".join(folded[1:]) in self.places and " ".join(folded[:-1]) in self.places:
            return None  # "(phía Bắc) Thái Bình Dương": overlapping place names
        if any(ch.isdigit() for t in m.tokens for ch in t):
            return None  # "Tu-22M3": a model number
        if len(folded) >= 3 and " ".join(folded[-2:]) in self.countries and m.honorific is None:
            return None  # "Nielsen Việt Nam": a firm's local branch
        if len(folded) == 2 and folded[-1] in self.countries and self._is_viet(folded[0]) and \
                folded[0] not in self.surnames and m.honorific is None and \
                sum(self.given.get(folded[-1], (0, 0))) < 10:  # "Quốc Anh": "Anh" is a name too
            return None  # "Trăn Myanmar" (a Burmese python), "Gạo Thái"
        if len(folded[0]) == 1 and len(folded) > 1 and not m.dotted_initial and not viet and \
                folded[0] not in ("y", *self.name_prefix_gender) and \
                not (folded[0] == "a" and m.honorific):  # "Y Quý B’Krông" (Ê Đê), "anh A Blưk" (Xơ Đăng)
            return None  # "H Krông Ana", "X Chandra": a letter without its period is no initial
        if viet and 2 <= len(folded) <= 4 and (folded[0] in self.surnames or (m.aged and len(folded) >= 3)):
            if len(folded) == 4 and folded[-1] not in self.given and folded[-2] in self.given:
                # "Phạm Phú Thép Nấu": a run that spilled into the next word.
                m.tokens = m.tokens[:3]
                m.end = m.start + len(" ".join(m.tokens))
            return "yes"
        if key in self.not_name_words and self.honorific_gender.get(m.honorific or "", "U") == "U":
            return None  # "Nhân Dân" ("Công an Nhân Dân"), "Thế" ("Hoa hậu Thế giới"); not "Bà Thành"
        if viet and len(folded) == 1 and (m.honorific is None or self.honorific_gender[m.honorific] == "U"
                                           and " " in m.honorific):
            # "Bộ trưởng Dũng" yes; "Thứ trưởng Ngoại giao" no: a titled single word must be a given name.
            # So after a noun like "học sinh" ("học sinh Đề thi gồm...": a lost period), not after
            # "anh", "bà", "em".
            m_count, f_count = self.given.get(folded[0], (0, 0))
            if titled:
                return "yes" if m_count + f_count >= 5 else None
            # A bare given name ("Huy, một chuyên gia ..."): a person only with a cue; see find().
            # (an age right after it makes a rarer one a person too: "Trương (42 tuổi)", a surname used alone)
            return "bare" if m.honorific is None and (m_count + f_count >= 20 or m.aged and (
                m_count + f_count >= 5 or folded[0] in self.surnames)) else None
        if titled and m.honorific is None:
            title = self._title_before(m.prefix)
            if self.honorific_gender.get(title or "", "U") != "U":
                m.honorific = title  # "Quốc vương Ả Rập Xê Út Abdullah": a gendered title, a country between
        if titled and len(folded) == 1 and _INITIALS.fullmatch(m.tokens[0]):
            # "công nhân N.V.A": dotted initials after a person noun; not a club after players
            # ("các hậu vệ M.U").
            return "yes" if m.honorific or self._initials_noun(m.prefix.split()) else None
        if titled and (viet or m.honorific is not None or len(folded) > 1):
            return "yes"  # a one-word foreign name after a job title ("tiền đạo Chelsea") may be a club
        if titled and m.club_after:
            return "yes"  # ... but not when a club follows it: "thủ môn Reina của Liverpool"
        if titled and len(folded) == 1 and not viet and len(folded[0]) > 2 and key not in self.countries \
                and not any(ch.isupper() for ch in m.tokens[0][1:]):
            title = self._title_before(m.prefix) or ""
            # A title that a team, firm or city never follows ("thủ tướng Rao", "ngoại trưởng Lavrov";
            # not "tiền đạo Chelsea", "giám đốc Google", "đại sứ Barcelona").
            if title in _PERSON_ONLY_TITLES:
                return "yes"
            former = title.startswith("cựu ") or " ".join(m.prefix.split()[-len(title.split()) - 1:]) == f"cựu {title}"
            if (title in _SPORT_TITLES and title not in ("ngôi sao", "siêu sao") or title == "trọng tài") and not former:
                return "titled_single"  # "HLV Tavares", but "HLV Chelsea" too (see find()); "cựu tiền đạo Lille" a club
        if 2 <= len(folded) <= 3 and len(folded[0]) == 1 and not any(self._is_viet(t) for t in folded[1:]) \
                and all(len(t) > 1 for t in folded[1:]) and m.dotted_initial:
            return "yes"  # "A. Robben", "R. Fowler": an initial and a surname name a person
        # (a lowercase particle is no word of the count: "Renaud Donnedieu de Vabres" has three)
        capitalised = sum(not t[:1].islower() for t in m.tokens)
        if not viet and (2 <= capitalised <= 3 or capitalised == 4 and folded[0] in self.foreign_gender):
            return "maybe"  # four words only after a known given name: "Muhammad Saad Iqbal Madni"
        if not viet and len(folded) == 1 and not titled and len(folded[0]) > 2 and \
                not any(ch.isupper() for ch in m.tokens[0][1:]):  # not a brand: "BigBB", "iDefense"
            return "single"  # "Messi", "Ronaldinho": a person only in a group of people; see find()
        if viet and len(folded) == 2 and not m.after_place and self._given_name_pair(folded):
            return "pair"  # "Quốc Anh", "Khánh Thi": a name without surname; see _list_neighbours
        return None

    @cached_property
    def _person_nouns(self) -> set[str]:
        """Nouns for a person that can stand in apposition to a name: job titles and roles, and the
        honorific-like nouns of no gender ("thí sinh", "sinh viên"); not the bare pronoun-like
        honorifics ("anh", "chị"), which after a comma open a new clause."""
        nouns = set(self.role_words) | {w for w, g in self.honorific_gender.items() if g == "U"} | self.extra_person_nouns
        return {w for w in nouns if " " in w or w not in self.honorific_gender and len(w) > 3} - \
            {"công an", "cảnh sát", "gia đình", "người thân", "lãnh đạo", "tử vong", "thiệt mạng", "bị thương",
             "bị bắt", "bắt giữ", "khởi tố", "tạm giam", "bị khởi tố", "bị tạm giữ", "bị truy nã", "bị đánh",
             "bị lừa", "bị giết", "bị sát hại", "bị xâm hại", "nữ hoàng"}

    def _person_appositive(self, text: str, low: str, end: int) -> bool:
        """Does a person noun follow the name in apposition ("X, thí sinh trường ...", "X, một
        chuyên gia ...", "X, cán bộ công đoàn ...")? The noun must be followed by more words of its
        own phrase (not a clause of its own: "Hương, học sinh đều ...")."""
        m = _PERSON_APPOSITIVE.match(low, end, end + 60)
        if not m:
            return False
        words = m.group(1).split()
        for n in (3, 2, 1):
            if len(words) > n and " ".join(words[:n]) in self._person_nouns:
                # "... hạng Nhất, trọng tài Tuấn cũng ...": a titled name opens a clause of its own.
                nxt = text[m.start(1):m.end(1)].split()[n]
                return words[n] not in _CLAUSE_WORDS and not nxt[:1].isupper()
        return False

    def _initials_noun(self, words: list[str]) -> bool:
        """Do ``words`` end with a person noun that names one person by initials ("công nhân",
        "bác sĩ"), not players ("hậu vệ M.U": a club's initials) nor a plural ("các công nhân")?"""
        for n in (2, 1):
            noun = " ".join(words[-n:])
            if len(words) >= n and noun in self._person_nouns:
                before = words[-n - 1] if len(words) > n else ""
                return noun not in _SPORT_TITLES and before not in ("các", "những", "nhiều")
        return False

    def _group_opener(self, low: str, start: int) -> bool:
        """Is the name the first of a group of people: "bộ đôi X và Y", "bộ 3 ngôi sao tấn công -
        X và Y", "những ngôi sao thành danh như X, Y hay Z" (a person noun, then "như")?"""
        before = low[max(0, start - 60):start]
        if before.endswith(("của ", "với ")):
            return False  # "bộ ba hậu vệ của Chelsea": the group's owner, not a member
        if ("bộ" in before or "cặp" in before) and _GROUP_OPENER.search(before):
            return True
        like = "như" in before and _LIKE_BEFORE.search(before)
        if not like:
            return False
        words = like.group(1).split()
        return any(" ".join(words[i:i + n]) in self._person_nouns for n in (1, 2) for i in range(len(words)))

    def _list_opener(self, low: str, start: int) -> bool:
        """Is the name the first item of a list that a plural person noun opens with a bracket or a
        colon ("rút 3 cầu thủ (Minh Phương, Bảo Tâm, ...)", "các bị can: Văn Quyến, ...")?"""
        m = _LIST_OPENER.search(low, max(0, start - 40), start)
        if not m:
            return False
        words = m.group(1).split()
        return any(" ".join(words[-n:]) in self._person_nouns for n in (3, 2, 1) if len(words) >= n)

    def _one_sex_given_name(self, given: str) -> bool:
        """A common given name that nine bearers in ten of the name table share the sex of."""
        m_count, f_count = self.given.get(given, (0, 0))
        return m_count + f_count >= 50 and max(m_count, f_count) >= 0.9 * (m_count + f_count)

    def _given_name_pair(self, folded: list[str]) -> bool:
        """Two syllables that read as a middle and a given name (a stage or sport name)."""
        first, last = folded

        def known(syllable: str) -> int:
            return sum(self.middle.get(syllable, (0, 0))) + sum(self.given.get(syllable, (0, 0)))

        # "Đức", "Xuân", "Hoàng" open sentences and name people; "Sau", "Theo" only open sentences.
        if any(t in self.not_name_words and known(t) < 50 for t in folded) or any(t in self.not_person_before or (t in self.role_words and t not in self.honorific_gender)
                                                     for t in folded):
            return False  # "hàm Vụ trưởng": an office, not a name
        return known(first) >= 3 and known(last) >= 3

    def _list_neighbours(self, pending: list[Mention], people: list[Mention], low: str,
                         dashes: bool = True) -> list[Mention]:
        """Name-shaped runs listed next to a person ("các bị can Văn Quyến, Quốc Anh và Bật Hiếu",
        "Hoàng Oanh - Huỳnh Anh, Chí Anh - Khánh Thi") are people too; repeated until nothing joins."""
        joined: list[Mention] = []
        spans = sorted((m.start, m.end) for m in people)
        changed = True
        while changed and pending:
            changed = False
            for m in list(pending):
                before = low[max(0, m.start - 30):m.start]
                after = low[m.end:m.end + 30]
                left = _LIST_SEP_BEFORE.search(before)
                right = _LIST_SEP_AFTER.match(after)
                if not dashes:
                    left = left if left and not _DASHES.search(left.group(0)) else None
                    right = right if right and not _DASHES.search(right.group(0)) else None
                near = (left and any(e == m.start - len(left.group(0)) for _s, e in spans)) or \
                    (right and any(s_ == m.end + len(right.group(0)) for s_, _e in spans))
                if near:
                    pending.remove(m)
                    joined.append(m)
                    spans = sorted([*spans, (m.start, m.end)])
                    changed = True
        return joined

    # -- main ------------------------------------------------------------------------------------

    def find(self, text: str, sentences: list[Span] | None = None) -> list[PersonCluster]:
        """People in normalised ``text``, in order of first mention (``sentences``: its spans, if
        the caller already has them)."""
        if sentences is None:
            sentences = split_sentences(text)
        low = lower_keep_length(text)
        blocked: list[str] = []
        raw = self._candidates(text, low, blocked)
        accepted: list[tuple[Mention, str]] = []
        for m in raw:
            verdict = self._accept(m)
            if verdict:
                accepted.append((m, verdict))
        # A "maybe" (foreign-looking, untitled) becomes a person when another mention of the same
        # surname is titled or honorific-marked, or when it speaks.
        titled_last = {_fold(m.tokens[-1]) for m, v in accepted if v == "yes"}
        # (one scan of the text per word: a long text names the same people many times)
        speaks: Callable[[str], bool] = functools.cache(functools.partial(self._surname_speaks, text, low))
        mentions: list[Mention] = []
        pairs = []
        foreign_listed: list[Mention] = []
        listed: list[Mention] = []
        grouped: list[Mention] = []  # first of a group of people: "bộ đôi Ronaldo và ..."
        singles: list[Mention] = []  # opened a list after a person noun: "3 cầu thủ (Minh Phương, ...)"
        titled_singles: set[str] = set()  # one-word foreign names taken after a title ("tiền vệ Nedved")
        bares: list[Mention] = []  # a given name alone with no cue yet: "Hương"
        for m, verdict in accepted:
            if verdict == "titled_single":
                # "HLV Tavares", "trợ lý Biro": a one-word foreign name that the text never names
                # without a title is a person; a club is named alone too ("HLV Chelsea ... Chelsea thắng").
                # ... or that is or does, named alone, what no club does ("tiền vệ Nedved, người vừa
                # ...", "Nedved năm nay 33 tuổi", "Nedved cho biết: “...”").
                if (self._always_titled(text, low, m.tokens[0]) or any(
                        _ONLY_PERSON_AFTER.match(low, end) for _s, end, _w in _word_hits(text, (m.tokens[0],)))) \
                        and not self.mens_competition.fullmatch(m.key):
                    mentions.append(m)
                    titled_singles.add(m.key)
                continue
            if verdict == "single":
                # "bộ đôi Ronaldo và Morata", "những ngôi sao như Ronaldinho, Deco hay Eto'o": a
                # group of people opens the list; its other items join below.
                if self._group_opener(low, m.start):
                    mentions.append(m)
                    grouped.append(m)
                else:
                    singles.append(m)
                continue
            if verdict in ("pair", "bare"):
                # "Mỹ Trang, thí sinh trường ĐH ...", "Huy, một chuyên gia ...": a person noun in
                # apposition; "các cầu thủ (Minh Phương, Bảo Tâm)": a list a person noun opens.
                # Not "Anh Phát kể", "Anh Bình, một tài xế": an honorific, then a given name.
                if _fold(m.tokens[0]) not in self.honorific_gender and (
                        self._person_appositive(text, low, m.end) or self._list_opener(low, m.start) or
                        verdict == "pair" and (_PERSON_ACT_AFTER.match(low, m.end) or _SPORT_ACT_BEFORE.search(
                            low, max(0, m.start - 50), m.start))):
                    mentions.append(m)
                    listed.append(m)
                elif verdict == "pair":
                    pairs.append(m)
                else:
                    bares.append(m)
                continue
            if verdict == "maybe":
                if len(m.tokens) == 4 and text.count(" ".join(m.tokens[-2:])) > text.count(" ".join(m.tokens)):
                    continue  # "Rafael Nadal Stan Wawrinka" in a caption: two names, "Stan Wawrinka" is named alone too
                after = low[m.end:m.end + 40].lstrip(" ,")
                known_given = _fold(m.tokens[0]) in self.foreign_gender
                appositive = _APPOSITIVE_HEAD.match(low[m.end:m.end + 60])
                appositive_role = bool(appositive) and any(
                    " ".join(appositive.group(1).split()[:n]) in self.role_words for n in (1, 2, 3)) \
                    or self._person_appositive(text, low, m.end) or self._list_opener(low, m.start)
                if m.key in blocked and not known_given and self._named_as_organisation(text, low, m.tokens):
                    continue  # "Chủ tịch CLB Al Ittihad ... chọn Al Ittihad": a club, though it "speaks"
                if _fold(m.tokens[-1]) not in titled_last and not self._speech_re.match(after) \
                        and not known_given and not appositive_role and not m.aged \
                        and not self._role_before_comma(text, low, m.start) and not self._role_is(low, m.start) \
                        and not self._pronoun_after_surname(text, low, m.tokens[-1]) \
                        and not speaks(m.tokens[-1]) and not self._given_name_speaks(text, m.tokens, speaks) \
                        and not self._title_then_modifiers(text, m.start) \
                        and not _NAMED_AS_BEFORE.search(low, max(0, m.start - 60), m.start) \
                        and not self._title_portfolio(self._strip_countries(m.prefix.split())) \
                        and not (_arabic_personal_name(m.tokens) and m.key not in blocked):
                    foreign_listed.append(m)  # may still join a list next to a person
                    continue
            mentions.append(m)
        if pairs:
            # "Nguyễn Chi Mai ... Riêng Chi Mai chỉ thừa nhận": a middle and given name the text named
            # whole before is that person again when it speaks (not any later pair: more mentions
            # bring more gender cues, and a name given whole only after its pairs may be another).
            tails: dict[tuple[str, ...], int] = {}
            for m in mentions:
                # (or named before by the pair itself after a title or honorific: "Á hậu Thùy Dung ...
                # Thùy Dung chia sẻ")
                if len(m.tokens) >= 3 or len(m.tokens) == 2 and (m.honorific or self._title_before(m.prefix)):
                    tails.setdefault(tuple(_fold(t) for t in m.tokens[-2:]), m.start)
            again = [m for m in pairs if tails.get(tuple(_fold(t) for t in m.tokens), m.start) < m.start
                     and self._speech_re.match(_ADVERBS_BEFORE_VERB.sub("", low[m.end:m.end + 60].lstrip(" ,"), count=1))]
            mentions += again
            pairs = [m for m in pairs if m not in again]
        if pairs or foreign_listed:
            # Anchors: people named with a title or honorific, a full name of three words or more, a
            # foreign name, or a name the text repeats; not a two-word "surname + word" said once
            # ("Thái Dương, Thái Âm, Mộc Đức": stars of a horoscope).
            said = Counter(" ".join(m.tokens) for m in mentions)
            anchors = [m for m in mentions if m.honorific or self._title_before(m.prefix) or len(m.tokens) >= 3
                       or m in listed or m.player_listed
                       or not all(self._is_viet(_fold(t)) for t in m.tokens) or said[" ".join(m.tokens)] >= 2]
            joined = self._list_neighbours(pairs, anchors, low)
            # A foreign two- or three-word name joins a list of people by a comma or "và" only: a
            # dash pairs teams in results ("R.Santander - Celta Vigo").
            mentions += joined + self._list_neighbours(foreign_listed, anchors + joined, low, dashes=False)
        if bares:
            # "Hương láu táu: “...” ... Hương nheo mắt: “...”": a given name alone that opens a clause
            # and speaks a quotation after a short predicate, twice or more, is a person (a friend, a
            # child named by the given name only); then all its mentions are.
            # Only a name a reader takes for one sex ("Hương", "Hùng"): a unisex one is often a word
            # too ("Bình tĩnh: “...”", "An toàn: “...”").
            speaking = Counter(m.key for m in bares if _BARE_SPEAKS.match(low, m.end)
                               and _CLAUSE_OPEN_BEFORE.search(text, max(0, m.start - 4), m.start))
            # ... or, in a crime report, that opens a clause and testifies once, and is named again
            # ("Tại tòa, Hùng khai đây là khoản “tiêu cực phí” ... nhà Hùng").
            named = Counter(m.key for m in bares)
            testifies = {m.key for m in bares if _BARE_TESTIFIES.match(low, m.end)
                         and _CLAUSE_OPEN_BEFORE.search(text, max(0, m.start - 4), m.start)}
            if testifies and not _CRIME.search(low) and not _COURT.search(low):
                testifies = set()
            mentions += [m for m in bares if (speaking[m.key] >= 2 or m.key in testifies and named[m.key] >= 2)
                         and self._one_sex_given_name(m.key)
                         # ... or that an age follows: "Thủy (17 tuổi) đến nhà hàng xóm", "Hà, 30 tuổi, cho biết"
                         or m.aged]
        # "..., Suho, một thành viên của EXO, phát biểu", "Gravesen, một tiền vệ người Đan Mạch,": a
        # person noun in apposition (a club is "một đội bóng", a firm "một công ty").
        # Not when the apposition is another person's title and name ("Cảnh sát điều tra Chicago, thanh
        # tra viên John Spooner"), nor an animal's name ("chú chó Otis, diễn viên chính").
        # "mẹ của Robinho", "vợ Beckham": a relative's noun before the name (a club has none; "công
        # ty mẹ" is a firm's).
        titled_singles |= {m.key for m in singles if _KIN_OF_BEFORE.search(low, max(0, m.start - 30), m.start)
                           and not self._named_as_organisation(text, low, m.tokens)
                           and not any(_DEITY_BEFORE.search(low, max(0, start - 12), start)  # "chúa Jesus"
                                       for start, _e, _w in _word_hits(text, (m.tokens[0],)))}
        titled_singles |= {m.key for m in singles if self._person_appositive(text, low, m.end)
                           and not _TITLED_NAME_AFTER.match(text, m.end)
                           and not _POINTING_SUBJECT_AFTER.match(low, m.end)  # "khoác áo Brescia, tiền vệ này đã"
                           and not _ANIMAL_BEFORE.search(low, max(0, m.start - 12), m.start)
                           and not self.mens_competition.fullmatch(m.key)}
        # "..., đặc biệt là Angulo - người chưa hồi phục": what no club is, said of the name alone
        # (a comma or a dash, then "người" and a verb of its own).
        # (not a club after "của": "hậu vệ X của AEK Athens, người đã vắng mặt" says it of the player)
        titled_singles |= {m.key for m in singles if _PERSON_NOUN_AFTER_RE.match(low, m.end)
                           and not _OF_BEFORE.search(low, max(0, m.start - 20), m.start)
                           and not self.mens_competition.fullmatch(m.key)
                           and not self._named_as_organisation(text, low, m.tokens)}
        if titled_singles:  # "tiền vệ Nedved ... Nedved cho biết": the same name said alone later
            mentions += [m for m in singles if m.key in titled_singles]
            singles = [m for m in singles if m.key not in titled_singles]
        # "Beckham sau đó đã lãnh thẻ đỏ": a one-word foreign name that does what only a person does
        # (a card, a send-off, an injury, tears; not "ghi bàn": a club scores too).
        acting = [m for m in singles if _SINGLE_PERSON_ACT.match(low, m.end) and not self.mens_competition.fullmatch(m.key)
                  and not self._named_as_organisation(text, low, m.tokens)]  # "Chelsea nhận thẻ đỏ": a club
        if acting:
            mentions += acting
            singles = [m for m in singles if m not in acting]
        if grouped and singles:
            # One-word foreign names join only the group they continue ("như Ronaldinho, Deco hay Eto'o"),
            # not any person next to them ("Derby County, Leicester": a team).
            mentions += self._list_neighbours(singles, grouped, low, dashes=False)
        if singles:
            # ... or a one-word foreign person ("Vicente và Angulo" once "Angulo - người chưa hồi phục"
            # made Angulo one), unless a men's competition or a name the text gives an organisation.
            single_people = [m for m in mentions if len(m.tokens) == 1 and (m.key in titled_singles or m in acting)]
            if single_people:
                mentions += [m for m in self._list_neighbours(singles, single_people, low, dashes=False)
                             if not self.mens_competition.fullmatch(m.key)
                             and not self._named_as_organisation(text, low, m.tokens)]
        clusters = self._merge_inverted(self._merge_misspellings(self._merge_real_names(self._cluster(mentions), low)))
        clusters = self._split_relatives(clusters, low)
        if blocked:
            # A short name the text twice puts after a place, product or organisation word ("rượu
            # Hồng Đào", "nhãn hiệu Hồng Đào") and never after an honorific is that thing's name.
            things = {k for k, n in Counter(blocked).items() if n >= 2}
            clusters = [c for c in clusters if not (
                all(len(m.tokens) <= 2 and m.honorific is None for m in c.mentions)
                and any(m.key in things for m in c.mentions))]
        self._bare_given_names(clusters, text)
        self._pronoun_cues(clusters, text, low)
        context_votes = self._context_gender_votes(clusters, text, low)
        context_role = functools.cache(lambda: self.context_role(low))  # only read when needed
        # (a sport page: a men's competition or club named and several sport words, not a city that
        # shares a club's name in an art or travel piece)
        mens_sport = functools.cache(lambda: bool(self.mens_competition.search(low)) and not self.womens_sport.search(low)
                                     and len(self.sport_words.findall(low)) >= 3)
        spans = sorted((m.start, m.end) for c in clusters for m in c.mentions)
        for c in clusters:
            c.gender = self._gender(c, context_votes.get(id(c)))
            c.role = self._role(c, low, context_role, spans)
            # A player or coach of a men's competition (V-League, La Liga, ATP ...), in a text that
            # names no women's sport, is a man to the sports reader (GUIDE_people: what a careful
            # reader takes from the text); only when nothing else tells the gender.
            # (also over a foreign given name's table gender, which a men's page outweighs: "Ashley
            # Cole", "Ashley Young" are players there; not over an honorific, pronoun or kin word)
            by_table_only = c.gender == "F" and not any(context_votes.get(id(c), {}).values()) and \
                not all(self._is_viet(_fold(t)) for t in c.tokens)
            if (c.gender == "U" or by_table_only) and c.role == "celebrity" and not c.pronoun_gender \
                    and all(m.honorific is None for m in c.mentions) and mens_sport() \
                    and all(self._nearest_role_title(m.prefix.split()[-6:]) in (None, *_SPORT_TITLES)
                            for m in c.mentions):
                c.gender = "M"
        self._mark_quoted(clusters, low, text, sentences)
        # "Người gửi: X, Gửi tới: Ban Văn hoá": a reader's letter, printed as its sender wrote it; the
        # sender speaks, as an ordinary reader (the letter's topic, a singer, is not the sender's role).
        for c in clusters:
            if any(_SENDER_BEFORE.search(low, max(0, m.start - 12), m.start) for m in c.mentions):
                c.quoted, c.role = True, "citizen"
        clusters.sort(key=lambda c: c.first)
        return clusters

    def _cluster(self, mentions: list[Mention]) -> list[PersonCluster]:
        clusters: list[PersonCluster] = []
        # Longest names first, and dotted initials ("N.T.P.") before a bare initial ("chị P.") that
        # may come earlier in the text.
        by_len = sorted(mentions, key=lambda m: (-len(m.tokens), -m.tokens[0].count("."), m.start))
        # Per cluster: its honorifics' genders and its mentions' starts (sorted), kept as mentions are
        # added, so choosing among candidates does not rescan every mention of a long text.
        cues_of: dict[int, set[str]] = {}
        starts_of: dict[int, list[int]] = {}

        def add(cluster: PersonCluster, m: Mention) -> None:
            cluster.add(m)
            gender = self.honorific_gender.get(m.honorific or "", "U")
            cues_of.setdefault(id(cluster), set()).update({gender} - {"U"})
            bisect.insort(starts_of.setdefault(id(cluster), []), m.start)

        for m in by_len:
            key = [_fold(t) for t in m.tokens]
            if m.nickname:
                # "Minh “Sứt”" joins the same nickname, else a full name ending in the given name
                # ("Dũng “Huế”" -> "Bùi Tiến Dũng").
                same = [c for c in clusters if any(x.nickname and [_fold(t) for t in x.tokens] == key
                                                   for x in c.mentions)]
                fuller = [c for c in clusters if len(c.tokens) > 1 and _fold(c.tokens[-1]) == key[0]
                          and not any(x.nickname for x in c.mentions)]
                named_before = [c for c in clusters if m.alias and any(0 <= m.start - x.end <= 12 for x in c.mentions)]
                # Several full names end in the given name: only an alias ("(tức ...)") decides.
                target = (named_before or same or (fuller if len(fuller) == 1 else []) or [None])[0]
                if target is None:
                    target = PersonCluster()
                    clusters.append(target)
                add(target, m)
                continue
            target = None
            candidates = []
            for c in clusters:
                full = [_fold(t) for t in c.tokens]
                dotted = len(full) == 1 and "." in full[0]
                if dotted and len(key) == 1 and len(key[0]) == 1 and full[0].split(".")[-1] == key[0]:
                    candidates.append(c)  # "chị T." after "chị L.H.T."
                elif full == key or (len(key) < len(full) and full[-len(key):] == key) or (
                        len(key) < len(full) and full[:len(key)] == key and not self._is_viet(key[0])) or (
                        # "Khalid al-Attiyah" for "Khalid bin Mohammed Al-Attiyah": first and last name
                        2 <= len(key) < len(full) and key[0] == full[0] and key[-1] == full[-1]
                        and not self._is_viet(key[0])) or (
                        # ("K. Rove" and "Karl Rove": a dotted initial stands for the given name too,
                        # whichever of the two the cluster holds)
                        len(key) == len(full) and all(a == b or (len(a) == 1 and b.startswith(a)) or len(key) > 1 and (
                            _initial_of(a, b) or _initial_of(b, a)) for a, b in zip(key, full, strict=True))):
                    candidates.append(c)
            if candidates:
                # Prefer a cluster whose gender cues agree, then the nearest earlier mention.
                g = self.honorific_gender.get(m.honorific or "", "U")

                def score(c: PersonCluster, g: str = g, m: Mention = m) -> tuple[int, int]:
                    cues = cues_of[id(c)]
                    agree = 0 if (g == "U" or not cues or g in cues) else 1
                    starts = starts_of[id(c)]
                    i = bisect.bisect_left(starts, m.start)
                    dist = min(abs(m.start - starts[j]) for j in (i - 1, i) if 0 <= j < len(starts))
                    return agree, dist

                target = min(candidates, key=score)
            if target is None:
                target = PersonCluster()
                clusters.append(target)
            add(target, m)
        for c in clusters:
            c.mentions.sort(key=lambda x: x.start)
        return clusters

    def _split_relatives(self, clusters: list[PersonCluster], low: str) -> list[PersonCluster]:
        """"Mẹ của Koda, bà Setsuko Koda": the full name is the relative of the one the bare surname
        names, so a family's foreign surname alone is that other person throughout (a son, not his
        mother), not a short form of the relative's name."""
        out = list(clusters)
        for c in clusters:
            if len(c.mentions) < 2 or self._is_viet(_fold(c.mentions[0].tokens[-1])):
                continue
            bare = [m for m in c.mentions if len(m.tokens) == 1]
            if not bare or len(bare) == len(c.mentions):
                continue
            bare_starts = {m.start for m in bare}
            for m in c.mentions:
                kin = _RELATIVE_APPOSITION.search(low, max(0, m.start - 60), m.start) if len(m.tokens) > 1 else None
                if kin and kin.start(1) in bare_starts:
                    c.mentions = [x for x in c.mentions if len(x.tokens) > 1]
                    out.append(PersonCluster(mentions=sorted(bare, key=lambda x: x.start)))
                    break
        return out

    def _merge_real_names(self, clusters: list[PersonCluster], low: str) -> list[PersonCluster]:
        """"Đỗ Quang tên thật là Đỗ Quang Trùng Dương": a stage or short name and the real name are
        one person."""
        starts = {m.start: c for c in clusters for m in c.mentions}
        for c in list(clusters):
            for m in c.mentions:
                alias = _REAL_NAME_AFTER.match(low, m.end)
                other = starts.get(alias.end()) if alias else None
                if other is not None and other is not c and other in clusters:
                    c.mentions.extend(other.mentions)
                    c.mentions.sort(key=lambda x: x.start)
                    clusters.remove(other)
                    starts.update({x.start: c for x in other.mentions})
                    break
        return clusters

    def _merge_inverted(self, clusters: list[PersonCluster]) -> list[PersonCluster]:
        """"Hà Hồ" for "Hồ Ngọc Hà": a given name then a surname, the pet form showbiz gives a full
        name of the same text, is that person (not when two full names fit)."""
        for c in list(clusters):
            folded = [_fold(t) for t in c.tokens]
            if len(folded) != 2 or folded[1] not in self.surnames:
                continue
            full = [o for o in clusters if o is not c and len(o.tokens) >= 3
                    and _fold(o.tokens[0]) == folded[1] and _fold(o.tokens[-1]) == folded[0]]
            if len(full) == 1:
                full[0].mentions.extend(c.mentions)
                full[0].mentions.sort(key=lambda x: x.start)
                full[0].quoted = full[0].quoted or c.quoted
                clusters.remove(c)
        return clusters

    def _merge_misspellings(self, clusters: list[PersonCluster]) -> list[PersonCluster]:
        """A one-word foreign name that is another person's name word with one letter too many inside
        ("Inanda" for "Tomomi Inada", "Basouri" for "Basori Lal") is that person misspelt; not a
        Vietnamese syllable, where one letter makes another name ("Hưng", "Hương")."""
        words: dict[str, PersonCluster | None] = {}
        for c in clusters:
            for t in c.tokens:
                f = _fold(t)
                if len(f) >= 4 and not self._is_viet(f):
                    words[f] = None if f in words and words[f] is not c else c  # shared: ambiguous
        for c in list(clusters) if words else []:
            if len(c.tokens) != 1 or any(len(m.tokens) != 1 for m in c.mentions):
                continue
            f = _fold(c.tokens[0])
            if len(f) < 5 or self._is_viet(f):
                continue
            targets = {id(o): o for i in range(1, len(f) - 1)
                       if (o := words.get(f[:i] + f[i + 1:])) is not None and o is not c}
            if len(targets) == 1:
                other = next(iter(targets.values()))
                for m in c.mentions:
                    other.add(m)
                other.mentions.sort(key=lambda x: x.start)
                clusters.remove(c)
        # A full name written twice with one word misspelt: a foreign word with one letter too many
        # ("Gary Gliitter" for "Gary Glitter"), a Vietnamese middle syllable with another tone mark
        # ("Phan Đình Tùng" for "Phan Đinh Tùng"; not the given name: "Lê Văn Hùng" and "Lê Văn
        # Hưng" differ in a vowel, "Lê Thị Hà" and "Lê Thị Hạ" may be two people; not beside an
        # initial: "anh Cill K’ Sét", "anh Chill K’ Vũ").
        for c in sorted(clusters, key=lambda x: len(x.mentions)):
            toks = [_fold(t) for t in c.tokens]
            if len(toks) < 2:
                continue
            for o in clusters:
                other_toks = [_fold(t) for t in o.tokens]
                if o is c or len(other_toks) != len(toks) or len(o.mentions) < len(c.mentions):
                    continue
                diff = [i for i, (a, b) in enumerate(zip(toks, other_toks, strict=True)) if a != b]
                if len(diff) == 1 and all(len(t) > 1 for t in toks) and \
                        self._misspelt(toks[diff[0]], other_toks[diff[0]], middle=0 < diff[0] < len(toks) - 1):
                    for m in c.mentions:
                        m.misspelt = True  # the name is the one the text spells more often
                        o.add(m)
                    o.mentions.sort(key=lambda x: x.start)
                    clusters.remove(c)
                    break
        return clusters

    def _misspelt(self, word: str, right: str, middle: bool) -> bool:
        """``word`` is ``right`` misspelt: one letter too many in a foreign word, or, for a Vietnamese
        middle syllable, another tone mark."""
        if not self._is_viet(right):
            return len(right) >= 4 and len(word) == len(right) + 1 and any(
                word[:i] + word[i + 1:] == right for i in range(1, len(word)))
        return middle and word != right and _toneless(word) == _toneless(right)

    def _bare_given_names(self, clusters: list[PersonCluster], text: str) -> None:
        """After "Trương Đình Bảo" is named, a bare "Bảo" (capitalised, alone) refers to him; after
        "Fidel Castro", a bare "Fidel" or "Castro"."""
        by_given: dict[str, PersonCluster | None] = {}

        def register(name: str, c: PersonCluster) -> None:
            by_given[name] = None if name in by_given and by_given[name] is not c else c  # shared: ambiguous

        for c in clusters:
            toks = c.tokens
            if len(toks) < 2:
                continue
            if all(self._is_viet(_fold(t)) for t in toks):
                register(toks[-1], c)
            else:  # "Fidel" and "Castro" for "Fidel Castro"; "Trump Jr" for "Donald Trump Jr"
                register(toks[0], c)
                register(toks[-1], c)
                if len(toks) >= 3:
                    register(" ".join(toks[-2:]), c)
        if not by_given:
            return
        # Spans already taken by a mention, sorted by start, with the furthest end so far: a position
        # is inside one when the furthest end among the spans starting at or before it lies beyond it.
        taken = sorted((m.start, m.end) for c in clusters for m in c.mentions)
        taken_starts = [a for a, _ in taken]
        furthest_end = list(itertools.accumulate((b for _, b in taken), max))
        first_of = {id(c): c.first for c in clusters}
        for m_start, m_end, given in _word_hits(text, by_given):
            cluster = by_given[given]
            i = bisect.bisect_right(taken_starts, m_start)
            if cluster is None or (i and furthest_end[i - 1] > m_start):
                continue
            # Part of a longer capitalised run (another name, a place): not a bare mention.
            prev_word = text[max(0, m_start - 30):m_start]
            prev_word = prev_word.split()[-1] if prev_word.endswith(" ") and prev_word.split() else ""
            if lower_keep_length(prev_word) in self.not_name_words:
                prev_word = ""  # "Chính Hewitt đã thừa nhận": a sentence opener, then the bare name
            nxt = text[m_end:m_end + 2]
            if (prev_word[:1].isupper() and prev_word[-1:].isalpha()) or \
                    (len(nxt) == 2 and nxt[0] == " " and nxt[1].isupper()):
                continue  # "Chí Anh" is not a bare "Anh"
            if m_start < first_of[id(cluster)] and all(
                    self._is_viet(_fold(t)) for t in cluster.tokens):
                continue  # a foreign surname may come first: "Kolasinac cho biết ... tân binh Sead Kolasinac"
            cluster.mentions.append(Mention(start=m_start, end=m_end, tokens=[given], honorific=None, prefix=""))
        for c in clusters:
            c.mentions.sort(key=lambda x: x.start)

    _PRONOUN = re.compile(r"(?<!\w)(ông|bà|anh|chị|cô)(?:\s+(?:ấy|này|ta))?(?!\w)")

    def _pronoun_cues(self, clusters: list[PersonCluster], text: str, low: str) -> None:
        """A pronoun "ông"/"bà" (not followed by a name) right after a person's mention, before any
        other person is mentioned, refers to that person: "Theo luật sư X, ông được mời..."."""
        starts = sorted(((m.start, m.end, c) for c in clusters for m in c.mentions), key=lambda x: x[0])
        positions = [p for p, _, _ in starts]
        crime = functools.cache(lambda: bool(_CRIME.search(low)))
        for i, (pos, end, cluster) in enumerate(starts):
            if cluster.pronoun_gender:
                continue
            limit = positions[i + 1] if i + 1 < len(positions) else len(low)
            limit = min(limit, pos + 250)
            for p in _PRONOUN_CUE.finditer(low, end, limit):
                if p.group(1) in ("y", "hắn", "gã") and (text[p.start(1)] != p.group(1)[0] or not crime()):
                    continue  # "hắn", "gã", "y": a man in a crime report, written lowercase ("Y" opens Ê Đê names)
                after = text[p.end(1):p.end(1) + 2]
                if len(after) == 2 and after[0] == " " and after[1].isupper():
                    continue  # an honorific before a name, not a pronoun
                if _KIN_NOUN_AFTER.match(low, p.end(1)):
                    continue  # "chị gái", "anh em", "cô giáo": a noun, not a pronoun for the person
                if text[p.start(1)].isupper() and _LOWER_WORD_BEFORE.search(text, max(0, p.start(1) - 3), p.start(1)):
                    continue  # "đi nghỉ hè ở Anh:": capitalised mid-sentence, England
                marks = list(_QUOTE_MARK.finditer(text, end, p.start(1)))
                if marks and p.end() == p.end(1) and (marks[-1].group(0) in "“«" or marks[-1].group(0) == '"' and (
                        marks[-1].start() == 0 or text[marks[-1].start() - 1] in " \n:(")):
                    # "... Tổng thống Bush. “Anh đã ủng hộ Mỹ ...”": another voice, often another "Anh" (a
                    # speaker's "anh ấy" still points at a third person: "nhận xét Evan “... anh ấy ...”")
                    continue
                cluster.pronoun_gender = "F" if p.group(1) in ("bà", "chị", "cô") else "M"
                break

    def _name_gender(self, tokens: list[str]) -> str:
        """Gender a careful reader takes from the name alone, or U.

        Vietnamese names: the middle and given syllables vote with smoothed log-odds from the
        name-gender table ("Thị" and "Văn" are near-certain); a decision needs odds of about 9:1.
        A given name alone ("Lan", "Hùng") is too thin: the honorific decides those.
        Foreign names: a list of common given names.
        """
        folded = [_fold(t) for t in tokens]
        if not folded:
            return "U"
        if len(folded) >= 2:
            # "H'Hen Niê" (Ê Đê, M'nông: H' for women), "U Zaw Htay" (Burmese: U for men).
            first = folded[0]
            for prefix, gender in self.name_prefix_gender.items():
                if first == prefix or (prefix.endswith(("'", "’")) and first.startswith(prefix) and len(first) > 2):
                    return gender
        if any("." in t for t in folded):
            # "Dương Thị B.H.": only the words spelt out tell ("Thị", "Văn"); "H.T. Hoài" stays U.
            spelt = [t for t in folded if "." not in t]
            return "F" if "thị" in spelt[1:] else "M" if "văn" in spelt[1:] else "U"
        if not all(self._is_viet(t) for t in folded):
            # "Jean-Pierre Raffarin": a hyphenated given name the list lacks is read by its first part.
            # "Abu Ali al-Anbari": a kunya's second word names the bearer's son, not the bearer.
            named = [t for i, t in enumerate(folded[:-1] or folded) if i == 0 or folded[i - 1] not in ("abu", "umm")]
            votes = {self.foreign_gender.get(t) or self.foreign_gender.get(t.split("-")[0]) for t in named}
            votes.discard(None)
            return votes.pop() if len(votes) == 1 else "U"
        if len(folded) < 2:
            # A given name alone tells gender only when the name table is near-unanimous over many
            # people ("Huy", "Trang"; not "Minh", "Hải", "Anh").
            m, f = self.given.get(folded[0], (0, 0))
            if m + f >= 50 and max(m, f) >= 20 * min(m, f) + 20:
                return "F" if f > m else "M"
            return "U"
        has_surname = folded[0] in self.surnames
        given = folded[-1]
        middles = folded[1:-1] if has_surname else folded[:-1]
        if "thị" in middles:
            return "F"
        if "văn" in middles:
            return "M"
        if given in self.ambiguous_given and has_surname:  # (a stage name's pair, "Việt Anh", as before)
            # "Minh", "Anh", "Hải" (GUIDE_people): the given name does not tell; only a middle name
            # that does ("Quang Minh", "Tuấn Anh"), not the pair's count ("Thanh Hải" U).
            m, f = self.middle.get(middles[-1], (0, 0)) if middles else (0, 0)
            if middles and m + f < 20:
                # A rare middle that is a clear given name itself: "Đỗ Thắng Hải".
                m, f = self.given.get(middles[-1], (0, 0))
                if not (m + f >= 50 and max(m, f) >= 20 * min(m, f) + 20):
                    m = f = 0
            logodds = math.log((f + 1) / (m + 1))
            return "F" if logodds >= 2.2 else "M" if logodds <= -2.2 else "U"
        pair = " ".join(folded[-2:])
        if middles and pair in self.middle_given:
            m, f = self.middle_given[pair]
            if m + f >= 3 and max(m, f) / (m + f) >= 0.9:
                return "F" if f > m else "M"
        logodds = 0.0
        for syl in middles[-1:]:
            m, f = self.middle.get(syl, (0, 0))
            logodds += math.log((f + 1) / (m + 1))
        m, f = self.given.get(given, (0, 0))
        logodds += math.log((f + 1) / (m + 1))
        if logodds >= 2.2:
            return "F"
        if logodds <= -2.2:
            return "M"
        return "U"

    def _context_gender_votes(self, clusters: list[PersonCluster], text: str,
                              low: str) -> dict[int, dict[str, int]]:
        """Gender the words around a mention tell, as votes beside the honorifics' (GUIDE_people: what a
        careful reader takes from the text): "X và chồng cũ" / "X cùng vợ" (X the spouse of the other sex),
        "X, vợ ông Y" / "X, con trai của bà Y" (a kin noun in apposition), "cậu con trai chung - bé X",
        "hai cô em gái A, B" (a count
        and a gendered noun before a list: each of them), "vận động viên nam X" (a job and "nam")."""
        votes: dict[int, dict[str, int]] = {}

        def vote(c: PersonCluster, g: str) -> None:
            votes.setdefault(id(c), {"F": 0, "M": 0})[g] += 1

        order = sorted(((m, c) for c in clusters for m in c.mentions), key=lambda x: x[0].start)
        for i, (m, c) in enumerate(order):
            before = low[max(0, m.start - 60):m.start]
            g = self.honorific_gender.get(m.honorific or "", "U")
            child = _CHILD_BEFORE.search(before) if g == "U" else None
            if child:
                vote(c, "M" if child.group(1) in ("con trai", "quý tử") else "F")  # "cậu con trai chung - bé Subeo"
            kin = _KIN_APPOSITION.match(text, m.end)
            if kin and all(w in self._title_vocabulary or w in self.honorific_gender for w in kin.group(2).split()):
                vote(c, "F" if kin.group(1) in _FEMALE_KIN else "M")  # "X, vợ ông Y", "X, con trai của bà Y"
            named = _HONORIFIC_NOUN_TEN.search(before) if g == "U" else None
            at = m.start - len(before) + named.start(named.lastindex or 1) if named else 0
            if named and (text[at].islower() or not _LOWER_WORD_BEFORE.search(text, max(0, at - 3), at)):
                # (not a capitalised name's last word: "của Phương Anh mang tên Ước mơ")
                vote(c, self.honorific_gender[named.group(named.lastindex or 1)])  # "Cô nhân viên tên Hồng"
            owner = _SPOUSE_OF_BEFORE.search(before) if g == "U" else None
            if owner:
                vote(c, "M" if owner.group(1) == "vợ" else "F")  # "vợ con của Tiên phải đi bán vé số"
            spouse = _SPOUSE_NAMED_BEFORE.search(before) if g == "U" else None
            if spouse:
                vote(c, "F" if spouse.group(1) else "M")  # "ly dị cô vợ X", "cùng ông chồng X"
            own = _OWN_QUOTE_AFTER.match(low, m.end) if g == "U" else None
            marries = _SELF_MARRIES.search(own.group(1)) if own else None
            if marries:
                vote(c, "F" if marries.group(1) == "chồng" else "M")
            spouse = _SPOUSE_AFTER.match(text, m.end)
            if spouse:
                vote(c, "F" if spouse.group(1) == "chồng" else "M")  # "Hà Hồ và chồng cũ không ngại ..."
            list_gender = g if g != "U" and m.honorific != "vợ chồng" and before.endswith(f"{m.honorific} ") and \
                _COUNT_BEFORE.search(before, 0, len(before) - len(m.honorific) - 1) else None
            if g == "U" and not list_gender:
                head = self._group_head_re.search(before)  # "những cô gái như A, B", "các nữ diễn viên: A, B"
                if head:
                    list_gender = self.honorific_gender[head.group(1)]
                    vote(c, list_gender)
            if list_gender:
                # "hai cô em gái Ngô Lê Hồng (30 tuổi), Ngô Lê Hạnh (23 tuổi)": each name of the list
                g = list_gender
                prev = m
                for later, lc in order[i + 1:i + 6]:
                    if later.honorific is not None or lc is c or \
                            not _LIST_JOIN.search(text, prev.end, later.start) or \
                            _LIST_JOIN.search(text, prev.end, later.start).start() != prev.end:
                        break
                    vote(lc, g)
                    prev = later
            words = m.prefix.split()
            if g == "U" and words and words[-1] == "nam" and text[m.start - 4:m.start - 1] == "nam" and \
                    any(len(words) > n and " ".join(words[-n - 1:-1]) in self.role_words for n in (1, 2, 3)):
                vote(c, "M")  # "vận động viên nam Lê Văn A" ("Việt Nam" is capitalised)
            if g == "U" and "nữ" in low[m.start - 60:m.end + 80] and \
                    self._nearest_role_title(words[-8:]) in _PLAYER_TITLES:  # a player, not "trưởng đoàn", "HLV"
                team = _WOMENS_TEAM_BEFORE.search(before)
                if team and all(w in self.countries or w in self._title_vocabulary for w in team.group(1).split()) \
                        or _WOMENS_TEAM_AFTER.match(low, m.end):
                    vote(c, "F")  # "tiền đạo đội tuyển nữ Việt Nam X", "Thủ môn X của đội tuyển nữ Việt Nam"
        return votes

    @cached_property
    def _group_head_re(self) -> re.Pattern[str]:
        """A plural and a gendered noun, then a connector, before a list of names."""
        nouns = {w for w, g in self.honorific_gender.items() if g != "U" and w != "vợ chồng" and len(w) > 2}
        return re.compile(r"(?<!\w)(?:các|những|hai|ba|bốn|[234]|cả hai|cả ba)\s+(" + _alternation(nouns) +
                          r")\s*(?:[,:]|như|gồm|gồm có|là|từ)\s*$")

    def _gender(self, c: PersonCluster, context: dict[str, int] | None = None) -> str:
        votes = dict(context or {"F": 0, "M": 0})
        for m in c.mentions:
            g = self.honorific_gender.get(m.honorific or "", "U")
            if g != "U":
                votes[g] += 1
            # "nữ" right before a title: "nữ bác sĩ X", "nữ phóng viên X".
            words = m.prefix.split()
            if g == "U" and any(len(words) > n and words[-n - 1] == "nữ" and " ".join(words[-n:]) in self.role_words
                                for n in (1, 2, 3)):
                votes["F"] += 1
        if votes["F"] != votes["M"]:
            return "F" if votes["F"] > votes["M"] else "M"
        if votes["F"]:
            return "U"  # contradictory cues: do not guess
        # "Chủ tịch Trung Quốc Hồ Cẩm Đào": a foreign leader's name read in Vietnamese is not a
        # Vietnamese name; the name-gender table does not apply.
        foreign = any(_SINO_PREFIX.search(m.prefix) for m in c.mentions)
        by_name = "U" if foreign else self._name_gender(c.tokens)
        if by_name != "U":
            return by_name
        # "U Zaw Htay", "Daw Aung San Suu Kyi": a Burmese honorific the name run left out.
        for m in c.mentions:
            words = m.prefix.split()
            if words and words[-1] in self.name_prefix_gender:
                return self.name_prefix_gender[words[-1]]
        return c.pronoun_gender or "U"

    @staticmethod
    def context_role(low: str) -> str:
        """The role of a person named bare, with no title or honorific, in this article: a player or
        singer on sport and showbiz pages, a suspect in crime news, else other."""
        sport = len(_SPORT_SHOWBIZ.findall(low))
        crime = len(_CRIME.findall(low))
        if sport >= 3 and sport > crime:
            return "celebrity"
        if crime >= 3 and crime > sport:
            return "suspect"
        return "other"

    def _role(self, c: PersonCluster, low: str, context_role: Any = lambda: "other",
              spans: list[tuple[int, int]] | None = None) -> str:
        """``spans``: the (start, end) of every person's mention, sorted, to tell whose a title before
        the name is (read only when a title or a list is there to place)."""
        own_spans = {(m.start, m.end) for m in c.mentions}
        others = functools.cache(lambda: [s for s in spans or [] if s not in own_spans])
        found: list[str] = []
        # What the sentence says is done to them, right at the name: that mention's role, over its title
        # ("Phó tổng giám đốc X bị tạm giam"); a mention without it votes with its title.
        strong: list[str] = []
        votes: list[str] = []
        wrongful = None
        for m in c.mentions:
            start = m.end + 1 if m.initial else m.end
            head = low[max(0, m.start - 60):m.start]
            said_of_name = not _POSSESSOR_BEFORE.search(head)
            cue = None
            if said_of_name and _PASSIVE_SUSPECT_AFTER.match(low, start) or _ARRESTED_BEFORE.search(head):
                cue = "suspect"
            elif said_of_name and _PASSIVE_VICTIM_AFTER.match(low, start) or _HARMED_BEFORE.search(head):
                cue = "victim"
            elif _REDRESSED_BEFORE.search(head):
                if wrongful is None:
                    wrongful = _wrongful_story(low)
                if wrongful:
                    cue = "victim"
            titles_before = len(found)
            if cue:
                strong.append(cue)
            honorific_role = self.role_words.get(m.honorific or "")
            if honorific_role not in (None, "citizen") and m.honorific not in _HONORIFIC_NOT_ROLE \
                    and m.honorific not in _ROYAL:  # royalty is "other" (below)
                found.append(honorific_role)  # "nhà văn X", "nghệ sĩ X"
            own = len(found)
            # The nearest job title before the name, within the sentence (brackets allowed:
            # "Giám đốc Cục Điều tra Liên bang Mỹ (FBI) James Comey").
            before = low[max(0, m.start - 90):m.start]
            # (not at the period of an abbreviation: "Phó Chủ tịch UBND TP.HCM Nguyễn Thị X")
            stops = [s.start() for s in _ROLE_WINDOW_STOP.finditer(before)
                     # nor at the period of an abbreviated title: "GS. Trần Văn Khê", "TS. X"
                     if not (before[s.start()] == "." and (w := _WORD_BEFORE.search(before, 0, s.start()))
                             and len(w.group(0)) <= 4 and w.group(0).isascii() and w.group(0) in self.role_words
                             and w.group(0) not in self.honorific_gender)]
            cut = stops[-1] if stops else -1
            words = [w.rstrip(".") for w in _ROLE_WORD.findall(before[cut + 1:])]
            title = self._nearest_role_title(words) if m.honorific not in _ROYAL else None
            if title and self._title_of_another(low, before, cut, title, m.start, others(),
                                                m.honorific is not None):
                title = None
            if title:
                role = self.role_words[title]
                if title in _CAPTAIN_TITLES and context_role() == "celebrity":
                    role = "celebrity"  # a team's captain on the sport page, not a police team's head
                role = _body_role(title, before[before.rfind(title, cut + 1) + len(title):], role)
                found.append(role)
            # Appositive after the name: ", Phó Chủ tịch Hội ...", " - Giám đốc ...", " (mẹ bệnh nhi)".
            after_start = m.end + 1 if m.initial else m.end  # "cháu Y., người bị hại": past the dot
            after = low[after_start:after_start + 60]
            appo = _APPOSITIVE.match(after)
            if appo:
                parts = appo.group(1).split(",")
                # past an age, to what the person is: "Ông X, 58 tuổi, là cựu lãnh đạo nhóm nghị sĩ ..."
                # (a comma's appositive: a bracket's age and job are an accused's particulars in a list)
                if len(parts) > 1 and _AGE_PART.fullmatch(parts[0]) and after.lstrip()[:1] == ",":
                    parts = parts[1:]
                words = parts[0].split(")")[0].split()
                if words[:1] == ["là"]:
                    words = words[1:]
                # "Phó Chánh thanh tra Bộ X", "nguyên Giám đốc": the title after its qualifier (when no
                # title before the name says otherwise: "PGS.TS X, Phó Viện trưởng Viện Y" stays an expert)
                while not title and len(words) > 1 and " ".join(words[:4]) not in self.role_words and (
                        words[0] in _APPOSITIVE_QUALIFIERS or " ".join(words[:2]) in _APPOSITIVE_QUALIFIERS):
                    words = words[2:] if " ".join(words[:2]) in _APPOSITIVE_QUALIFIERS else words[1:]
                appositive_role = self._leading_title_role(words)
                if appositive_role:
                    lead = next(n for n in (5, 4, 3, 2, 1) if self.role_words.get(" ".join(words[:n])) == appositive_role)
                    found.append(_body_role(" ".join(words[:lead]), " " + " ".join(words[lead:]), appositive_role))
            if len(found) == own and m.honorific is None and (
                    head_role := self._list_head_role(low, m.start, others())):
                found.append(head_role)  # "nhà văn A, B, C": B and C are writers too
            mention_roles = [r for r in found[titles_before:] if r != "citizen"]
            votes.append(cue or (mention_roles[0] if mention_roles else ""))
        if strong:
            votes = [v for v in votes if v]
            role = max(set(votes), key=lambda r: (votes.count(r), -self.role_order.index(r)))
            if role == "suspect" and (wrongful if wrongful is not None else _wrongful_story(low)):
                return "victim"  # "án oan": the arrested and sentenced were wronged
            return role
        specific = [r for r in found if r not in ("citizen",)]
        if not specific:
            # What the sentence says of them: "X bị tạm giữ" -> suspect, "X là nạn nhân" -> victim.
            for m in c.mentions:
                kin = _KIN_OF_BEFORE.search(low, max(0, m.start - 30), m.start)
                if kin and "của" in kin.group(0):
                    continue  # "mẹ của Robinho đã bị bắt cóc": the relative's predicate
                start = m.end + 1 if m.initial else m.end
                after = low[start:start + 60]
                cut = _SENTENCE_STOP.search(after)
                after = after[:cut.start()] if cut else after
                if _SUSPECT_PREDICATE.search(after):
                    specific.append("suspect")
                elif _VICTIM_PREDICATE.search(after):
                    specific.append("victim")
                elif _BUSINESS_PREDICATE.search(after):
                    specific.append("business")  # "hộ ông X (tổ 20) kinh doanh dịch vụ ăn uống"
        if specific:
            role = max(set(specific), key=lambda r: (specific.count(r), -self.role_order.index(r)))
            if role == "suspect" and not found and _wrongful_story(low):
                return "victim"  # "tuyên phạt ông X 18 năm tù" in a wrongful conviction's story
            return role
        if found:
            return found[0]
        if any(m.honorific in _CHILD_HONORIFICS for m in c.mentions) and _HARM_REPORT.search(low):
            return "victim"
        # Crime news names its suspects bare with an age or a birth year ("Trần Hữu Quốc (SN 1987)"),
        # its victims and witnesses with "anh", "chị", "ông".
        if all(m.honorific is None for m in c.mentions) and any(m.aged for m in c.mentions) \
                and len(_CRIME.findall(low)) >= 2:
            return "suspect"
        if any(m.honorific in _ROYAL for m in c.mentions):
            return "other"  # royalty
        if any(m.honorific for m in c.mentions):
            return "citizen"
        return context_role()

    def _leading_title_role(self, words: list[str]) -> str | None:
        """The role of the job title ``words`` open with, if any (not an honorific, nor "tên" of "tên
        thường gọi")."""
        for size in (5, 4, 3, 2, 1):
            phrase = " ".join(words[:size])
            if len(words) >= size and phrase in self.role_words and phrase not in self.honorific_gender \
                    and phrase != "tên":
                return self.role_words[phrase]
        return None

    def _list_head_role(self, low: str, start: int, others: list[tuple[int, int]]) -> str | None:
        """The role of the title that heads a list of names this name continues: "nhà văn A, B, C"
        (a title that is also an honorific, which the nearest-title search skips)."""
        i = bisect.bisect_left(others, (start, -1)) - 1
        first = start
        while i >= 0 and others[i][1] <= first and _LIST_GOES_ON.fullmatch(low, others[i][1], first):
            first = others[i][0]
            i -= 1
        if first == start:
            return None
        words = low[max(0, first - 30):first].split()[-3:]
        for size in (3, 2, 1):
            role = self.role_words.get(" ".join(words[-size:])) if len(words) >= size else None
            if role not in (None, "citizen") and " ".join(words[-size:]) not in _HONORIFIC_NOT_ROLE:
                return role
        return None

    @staticmethod
    def _title_of_another(low: str, before: str, cut: int, title: str, start: int,
                          others: list[tuple[int, int]], honorific: bool = False) -> bool:
        """The title before a name belongs to someone else: another person is named between them and
        the list does not go on to this name ("Chánh án Y cho biết đã mời ông X"), a verb of another
        clause stands between ("Một cán bộ ... kể lại, khoảng 8h sáng, chị X"), or, before an
        honorific ("ông", "anh", "bé" ...), a clause's words or a long stretch do."""
        at = before.rfind(title, cut + 1)
        if at < 0:
            return False
        title_end = start - len(before) + at + len(title)
        between = low[title_end:start]
        if title != "tên" and _LA_HONORIFIC_BEFORE.search(between):
            return False  # "thư ký báo chí của Thủ tướng Y là X", "Nạn nhân ... là ông X": said of X
        if _TITLE_HOLDER_VERB.search(between):
            return True
        if honorific and (len(between) > 80 or _CLAUSE_BETWEEN.search(between)) or _AUXILIARY_BETWEEN.search(between):
            return True
        i = bisect.bisect_left(others, (title_end, -1))
        last = None
        while i < len(others) and others[i][0] < start:
            last = others[i]
            i += 1
        if last is None or last[1] > start or _LIST_GOES_ON.fullmatch(low, last[1], start):
            return False
        # (not one word of the title's own phrase that the finder took for a name, with no clause after
        # it: "Phó Thủ tướng Thường trực X", "Tổng thống Chad hiện nay - ông X")
        return " " in low[last[0]:last[1]] or start - last[1] > 30 or bool(_CLAUSE_BETWEEN.search(low, last[1], start))

    def _role_before_comma(self, text: str, low: str, start: int) -> bool:
        """An appositive before the name: "tay vợt Tây Ban Nha, Carlos Moya", "thủ thành 21 tuổi,
        Joel Pereira": a job title just before a comma right before it. Only a nationality, an age
        or a capitalised club may follow the title ("... trở thành thủ tướng, Business Standard
        viết" is no appositive)."""
        window = max(0, start - 60)
        head = _WORDS_BEFORE_COMMA.search(low[window:start])
        if not head:
            return False
        seg_start = window + head.start(1)
        seg_start = max(seg_start, max(low.rfind(ch, seg_start, start) for ch in ".;:!?“”\"()") + 1)
        seg_end = low.rfind(",", seg_start, start)
        words, originals = low[seg_start:seg_end].split(), text[seg_start:seg_end].split()
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                phrase = " ".join(words[i:i + n])
                if phrase not in self.role_words and phrase not in self.extra_person_nouns or \
                        phrase in self.honorific_gender or \
                        i and words[i - 1] in ("là", "làm", "thành", "chức", "nhiệm") or \
                        i and f"{words[i - 1]} {phrase}" in self.role_words:  # "tướng" inside "thủ tướng"
                    continue  # "đã trở thành thủ tướng, X viết": a predicate, not an appositive
                rest = list(zip(words[i + n:], originals[i + n:], strict=True))
                # "tiền vệ đội tuyển Nhật Bản, Hidetoshi Nakata": a team may follow too.
                if len(rest) <= 5 and all(w.isdigit() or w in ("tuổi", "số", "người", "của", "đội", "tuyển", "clb")
                                          or orig[:1].isupper() for w, orig in rest):
                    return True
        return False

    def _role_is(self, low: str, start: int) -> bool:
        """A title, then "là", then the name: "thư ký báo chí của Thủ tướng là Azhar Osman"."""
        before = low[max(0, start - 70):start]
        if not _LA_BEFORE.search(before):
            return False
        words = _ROLE_IS_BREAK.split(before)[-1].split()[:-1]
        return self._nearest_role_title(words[-8:]) is not None

    def _pronoun_after_surname(self, text: str, low: str, last: str) -> bool:
        """A bare surname, then a personal pronoun as the subject of the next clause of the same
        sentence: "Gaudio khởi đầu tốt hơn nhưng khi bị dẫn trước 4-2, anh đã ..."."""
        for _start, end, _w in _word_hits(text, (last,)):
            window = low[end:end + 120]
            cut = _CLAUSE_STOP.search(window)
            window = window[:cut.start()] if cut else window
            p = _PRONOUN_CLAUSE.search(window)
            if p and not _UPPER_CHAR.search(text, end, end + p.start()):
                return True
        return False

    def _surname_speaks(self, text: str, low: str, last: str) -> bool:
        """Does the bare surname speak elsewhere ("Roque cho biết", "Roque nói"), or is it quoted as a
        source ("Theo Abbas, ...", "Cũng theo lời khai của Abbas, ...")?"""
        for start, end, _w in _word_hits(text, (last,)):
            aux = _AUXILIARIES.match(low, end)
            if aux and self._speech_re.match(low, aux.end()):
                return True
            if low[end:end + 1] == "," and _THEO_SOURCE_BEFORE.search(low, max(0, start - 30), start):
                return True
        return False

    def _named_as_organisation(self, text: str, low: str, tokens: list[str]) -> bool:
        """Does the text once put the name right after an organisation word ("CLB Al Ittihad")? Not
        any blocking word: "nâng cúp Kim Si-woo" (a caption) and "ở Shoko Tendo" name people."""
        for start, _end, _w in _word_hits(text, (" ".join(tokens),)):
            words = self._words_before(low, start)
            if any(" ".join(words[-n:]) in _ORGANISATION_WORDS for n in (1, 2, 3) if len(words) >= n):
                return True
        return False

    def _always_titled(self, text: str, low: str, word: str) -> bool:
        """Does every mention of ``word`` follow a title or an honorific?"""
        return all(self._title_before(" ".join(self._words_before(low, start)[-6:])) is not None
                   for start, _end, _w in _word_hits(text, (word,)))

    def _title_then_modifiers(self, text: str, start: int) -> bool:
        """A job title, then one or two lowercase words that describe its holder, right before the
        name: "cầu thủ chạy cánh Damien Duff", "giáo sư khả kính Randy David", "ngôi sao đang lên
        Orlando Bloom"; not a preposition or verb that puts a club or place there ("HLV của X")."""
        words = text[max(0, start - 60):start].split()
        for n in (1, 2):
            modifiers = words[len(words) - n:]
            if len(words) <= n or not all(w.isalpha() and w.islower() and w not in _NOT_MODIFIERS for w in modifiers):
                return False
            title = self._title_before(" ".join(_fold(w) for w in words[max(0, len(words) - n - 4):len(words) - n]))
            if title and title not in self.honorific_gender and \
                    self.role_words.get(title) in ("official", "expert", "business", "celebrity"):
                return True
        return False

    def _given_name_speaks(self, text: str, tokens: list[str], speaks: Callable[[str], bool]) -> bool:
        """A foreign two-word name, given then family name, introduced whole and then named by the
        given name alone, which speaks ("Trước mắt Lokesh Madhu, ... Lokesh than thở"). A brand or a
        country that "speaks" alone is named alone before ("Lamborghini ... Lamborghini Huracan")."""
        if len(tokens) != 2 or self._is_viet(_fold(tokens[1])) or _fold(tokens[0]) in self.countries:
            return False
        return text.find(tokens[0]) == text.find(" ".join(tokens)) and speaks(tokens[0])

    @cached_property
    def _speaker_titles(self) -> set[str]:
        # Titles that name one known person; not words for a body or a crowd ("công an", "lãnh đạo").
        collective = {"công an", "cảnh sát", "lãnh đạo", "cán bộ", "quan chức", "chuyên gia", "nhà đầu tư", "doanh nhân",
                      "nhà khoa học", "nhà nghiên cứu", "đại biểu", "điều tra viên", "thanh tra", "ủy viên"}
        return {" ".join(w.split()) for w, r in self.role_words.items()
                if r in ("official", "expert", "business", "celebrity")
                and w not in self.honorific_gender and w not in collective and len(w) > 2}

    def _title_speakers(self, clusters: list[PersonCluster], low: str, verbs: list[re.Match[str]], idiom: Any,
                        inside_quote: Any) -> None:
        """A title alone speaks for the one person named earlier with it: "Bộ trưởng Công nghiệp
        Hoàng Trung Hải yêu cầu ... Bộ trưởng cho rằng, ...". With two such people, no guess."""
        for verb in verbs:
            if verb.group(0) == ":":
                continue
            window_start = max(0, verb.start() - 40)
            m = _TITLE_BEFORE_VERB.search(low, window_start, verb.start())
            title = self._bare_title(m.group(1)) if m else None
            if not m or m.start(1) == window_start and window_start > 0 or title not in self._speaker_titles:
                continue  # no clause start in reach, or not a title right before the verb
            pos = m.start(1)
            if idiom(pos) or inside_quote(pos):
                continue
            # The holder is usually named before; a lead may use the title first and the name later
            # ("Phó thủ tướng cho biết ... Phó thủ tướng Vũ Khoan đến với cuộc họp").
            # (a coach is called by any of the coach's titles: "HLV X ... Nhà cầm quân này cho rằng")
            titles = _COACH_TITLES if title in _COACH_TITLES else {title}
            holders = [c for c in clusters if any(
                x.start != pos and abs(pos - x.start) <= 2000 and self._own_title(x.prefix) in titles
                and self._title_next_to_name(x.prefix) for x in c.mentions)]
            if len(holders) == 1:
                holders[0].quoted = True

    def _title_next_to_name(self, prefix: str) -> bool:
        """Does the title stand before the name with no speech verb between ("Bộ trưởng Công nghiệp
        X" yes)? In "Chủ tọa hỏi Trần Quang", Trần Quang is asked: he is no presiding judge."""
        words = prefix.split()[-6:]
        for i in range(len(words), 0, -1):
            if words[i - 1] in self.role_words or " ".join(words[max(0, i - 2):i]) in self.role_words:
                return not self._speech_re.search(" ".join(words[i:]))
        return True

    def _bare_title(self, phrase: str) -> str:
        """A title without the words that only point back to its holder: "nhà cầm quân 46 tuổi này",
        "HLV người Thụy Điển" -> the title alone."""
        words = phrase.split()
        if len(words) > 1 and words[-1] in ("này", "ấy"):
            words.pop()
        if len(words) > 2 and words[-1] == "tuổi" and words[-2].isdigit():
            del words[-2:]
        if "người" in words[1:] and " ".join(words[words.index("người", 1) + 1:]) in self.countries:
            words = words[:words.index("người", 1)]
        return " ".join(words)

    def _own_title(self, prefix: str) -> str | None:
        """The role title of the name the prefix ends at; not another person's title across "và"
        ("giữa Phó thủ tướng và ông Pascal Lamy": Lamy is no deputy prime minister)."""
        words = prefix.split()[-6:]
        cut = max((i + 1 for i, w in enumerate(words) if w in ("và", "với", "cùng")), default=0)
        return self._nearest_role_title(words[cut:])

    def _group_testimony(self, clusters: list[PersonCluster], low: str) -> None:
        """"hai đối tượng khai nhận ...", "các bị cáo đều thừa nhận ...": the suspects the text named
        before speak together, when their number is the count given (2-5 for "các")."""
        for g in _GROUP_TESTIMONY.finditer(low):
            named = [c for c in clusters if c.role == "suspect" and c.first < g.start()]
            count = _COUNT_WORDS.get(g.group(1))
            if count == len(named) or count is None and 2 <= len(named) <= 5:
                for c in named:
                    c.quoted = True

    def _interview_subject(self, clusters: list[PersonCluster], owner: list[tuple[int, int, PersonCluster]],
                           low: str) -> None:
        """In a question-and-answer interview (answers on lines that open with a dash, questions
        ending in "?"), the person interviewed speaks: the one person named before the first
        answer, or else the one person whose gender matches how the questions address them
        ("chị cảm thấy thế nào?" -> the woman)."""
        lines = [line.strip() for line in low.split("\n") if line.strip()]
        answers = [i for i, line in enumerate(lines) if line[0] in "-–—"]
        questions = [line for line in lines if line.endswith("?")]
        if len(answers) < 2 or not questions or any(":" in lines[i][:40] for i in answers):
            return  # not an interview, or its answers name their speaker ("- Ông X: ...")
        first_answer = low.find(lines[answers[0]])
        named_before = {id(c): c for s_, _e, c in owner if s_ < first_answer}
        if len(named_before) == 1:
            next(iter(named_before.values())).quoted = True
            return
        addressed = Counter(m.group(1) for q in questions for m in self._PRONOUN.finditer(q))
        women = sum(addressed[w] for w in ("bà", "chị", "cô"))
        men = sum(addressed[w] for w in ("ông", "anh"))
        if women == men:
            return
        want = "F" if women > men else "M"
        pool = list(named_before.values()) or clusters
        matching = [c for c in pool if c.gender == want]
        if len(matching) == 1:
            matching[0].quoted = True

    def _opens_clause(self, text: str, low: str, seg_start: int, start: int) -> bool:
        """Is the name at ``start`` the subject of its clause? Only titles, honorifics, office and
        place names stand between it and the clause start (or the comma that ends an opening
        phrase): "Chiều 2-3, ông X - chi cục trưởng - cho biết" yes; "công an xác định X nhận tiền,
        ..., vị này từ chối ... vì cho rằng" no."""
        cut = max(seg_start, max(low.rfind(ch, seg_start, start) for ch in ",-–—(") + 1)
        # "Trả lời báo chí ông X cho biết": an opening speech phrase and its audience.
        lead = self._speech_re.match(low, cut + len(low[cut:start]) - len(low[cut:start].lstrip()))
        if lead and lead.end() <= start:
            cut = lead.end()
            rest = _AUDIENCE.match(low[cut:start])
            cut += rest.end() if rest else 0
        prev = ""
        for i, (word, orig) in enumerate(zip(low[cut:start].split(), text[cut:start].split(), strict=True)):
            # A lowercase word right after a capitalised one inside the clause belongs to an office's
            # name ("Thủ tướng Chính phủ X", "Sở Y tế"); the clause's own first word does not count.
            if not (word in self._title_vocabulary or word in self.not_person_before or word in self.countries
                    or orig[:1].isupper() or word.isdigit() or word in _TITLE_MODIFIERS
                    or (i > 1 and prev[:1].isupper())):
                return False
            prev = orig
        return True

    def _titled_appositive(self, between: str, person_nouns: bool = False) -> bool:
        """Is ``between`` a comma appositive that opens with a job title: "X, Phó Chủ tịch UBND
        huyện Y, Quảng Nam cho biết" (the name's own description, not another clause)?"""
        m = _COMMA_APPOSITIVE.fullmatch(between)
        if not m:
            return False
        words = m.group(1).split()
        nouns = self._person_nouns if person_nouns else {w for w in self.role_words if w not in self.honorific_gender}
        return any(" ".join(words[:n]) in nouns for n in (1, 2, 3, 4))

    def _titles_only(self, words: str | list[str]) -> bool:
        """Are ``words`` (some) job-title words, with no honorific among them?"""
        words = words.split() if isinstance(words, str) else words
        return bool(words) and all(w in self._title_vocabulary and w not in self.honorific_gender for w in words)

    def _object_of(self, low: str, start: int) -> bool:
        """Is the name at ``start`` an object or possessor ("của X", "với luật sư X"), or the agent of a
        relative clause's passive ("Y, người bị X giật mic, cho biết": Y speaks)?"""
        if _OBJECT_BEFORE.search(low[max(0, start - 8):start]) or _AGENT_BEFORE.search(low, max(0, start - 12), start):
            return True
        words = low[max(0, start - 60):start].split()
        for n in range(1, min(5, len(words))):
            if words[-n - 1] in _OBJECT_WORDS and all(w in self._title_vocabulary for w in words[-n:]):
                # "chuyên gia của WHO X", "người phát ngôn của Hamas X": an organisation (no title
                # between) after a person noun's "của" names the noun's holder, not an owner.
                # (a job's title, not a kin noun or a parent: "phụ huynh của cháu X cho rằng" is the parent)
                if words[-n - 1] == "của" and self._nearest_role_title(words[-n:]) is None and \
                        not any(w in self.honorific_gender for w in words[-n:]) and self.role_words.get(
                            # (the title may head a committee's long name: "Chủ nhiệm Ủy ban Kinh tế và ngân sách của Quốc hội X")
                            self._nearest_role_title(words[max(0, len(words) - n - 10):len(words) - n - 1]) or "") in (
                            "official", "expert", "business", "celebrity"):
                    return False
                return True
        return False

    def _mark_quoted(self, clusters: list[PersonCluster], low: str, text: str, sentences: list[Span]) -> None:
        owner: list[tuple[int, int, PersonCluster]] = sorted(
            ((m.start, m.end, c) for c in clusters for m in c.mentions), key=lambda x: x[0])
        if not owner:
            return
        starts = [o[0] for o in owner]
        spilled = {m.start for c in clusters for m in c.mentions if m.spilled}
        not_speech = [m.span() for m in self._not_speech_re.finditer(low)]

        def idiom(pos: int) -> bool:
            return any(a <= pos < b for a, b in not_speech)

        def inside_quote(pos: int) -> bool:
            """Is ``pos`` inside quotation marks? The last quote mark before it opens a quote.

            Straight quotes open after a space, colon or bracket and close otherwise, so mixed
            styles ("...” ) do not throw the pairing off.
            """
            window_start = max(0, pos - 1500)
            last = _QUOTE_MARK.search(low[window_start:pos][::-1])
            if not last:
                return False
            q = pos - 1 - last.start()
            mark = low[q]
            if mark in "“«":
                return True
            if mark in "”»":
                return False
            # A straight quote left open (a lost closing mark) stops counting after a long stretch.
            return (q == 0 or low[q - 1] in " \n:(–-") and pos - q <= 600

        sentence_starts = [sp.start for sp in sentences]
        verbs = list(self._speech_re.finditer(low))
        for verb in verbs:
            if idiom(verb.start()) or inside_quote(verb.start()) or text[verb.start()].isupper() and \
                    verb.start() > 0 and text[verb.start() - 1] == " " and not _SENTENCE_END.search(
                        text[max(0, verb.start() - 3):verb.start()]):
                continue  # a capitalised word mid-sentence is a name ("Khai"), not the verb "khai"
            # The clause before the verb: back to the sentence start, a quote mark or a colon.
            i = bisect.bisect_right(sentence_starts, verb.start()) - 1
            sentence_start = seg_start = sentence_starts[i] if i >= 0 else 0
            seg_start = max([seg_start] + [low.rfind(ch, seg_start, verb.start()) + 1 for ch in "“”\":;«»"])
            # A scare quote inside the clause is no boundary: "Bị cáo Lâm mặc dù nhận tội “tổ chức đánh
            # bạc” nhưng lại khai là ..." (a few words in curly quotes after a lowercase word).
            while seg_start > sentence_start and low[seg_start - 1] == "”":
                opened = low.rfind("“", max(sentence_start, seg_start - 50), seg_start - 1)
                if opened <= sentence_start + 1 or not _SCARE_QUOTE_BEFORE.search(low, max(0, opened - 3), opened) \
                        or not text[seg_start:seg_start + 3].lstrip()[:1].islower() \
                        or len(low[opened + 1:seg_start - 1].split()) > 5 or "”" in low[opened:seg_start - 1]:
                    break
                seg_start = max([sentence_start] + [low.rfind(ch, sentence_start, opened) + 1 for ch in "“”\":;«»"])
            # (not at a nickname's quotation marks inside a bracket that closes before the verb:
            # "Đỗ Văn A (tức A “Sẹo”) thừa nhận")
            bracket = low.rfind("(", sentence_start, seg_start)
            if bracket > low.rfind(")", sentence_start, seg_start) and ")" in low[seg_start:verb.start()]:
                seg_start = max([sentence_start] + [low.rfind(ch, sentence_start, bracket) + 1 for ch in "“”\":;«»"])
            seg_start = max(seg_start, verb.start() - 200)
            # ", nhưng bà X không đồng ý vì cho rằng": a conjunction opens the speaker's own clause.
            conj_ends = [c.end() for c in _CONTRAST_CLAUSE.finditer(low, seg_start, verb.start())]
            if conj_ends:
                seg_start = conj_ends[-1]
            lo = bisect.bisect_left(starts, seg_start)
            hi = bisect.bisect_left(starts, verb.start())
            in_clause = [o for o in owner[lo:hi] if not inside_quote(o[0])]
            if not in_clause:
                continue
            # The speaker is the subject: the person right before the verb ("ông Hải nói"), unless
            # an appositive stands between ("bà X, mẹ của cháu Y., cho biết" -> bà X).
            if _PASSIVE_BEFORE.search(low[max(0, verb.start() - 8):verb.start()]):
                continue  # "bị tiết lộ", "được thông báo": passive, nobody speaks
            # Objects and possessors are not speakers: "của X", "mà X", "với X", also with titles
            # between ("báo cáo của tướng Quắc nói rõ", "gần gũi với luật sư Nhà Trắng Don McGahn").
            in_clause = [o for o in in_clause if not self._object_of(low, o[0])
                         # nor a name inside a bracket that closes before the verb: "Luật sư X (Phó
                         # chủ tịch Hội Luật gia Y) cho rằng" -> X
                         and not (low.rfind("(", seg_start, o[0]) > low.rfind(")", seg_start, o[0])
                                  and ")" in low[o[1]:verb.start()])]
            if not in_clause:
                continue
            if verb.group(0) == ":" and _DOCUMENT_BEFORE_COLON.search(low, max(seg_start, verb.start() - 60),
                                                                    verb.start()):
                continue  # "để lại bức thư tuyệt mệnh: “...”": written words, not speech
            if verb.group(0) == ":" and not _QUOTE_MARK.match(low[verb.end():verb.end() + 3].lstrip()) and \
                    _FIRST_PERSON.search(low, seg_start, verb.start()):
                continue  # "X và tôi đã có cơ hội ...: Tôi ...": the writer speaks, not X (unmarked words only)
            nearest = in_clause[-1]
            if nearest[0] in spilled:
                continue  # "ông X Thông báo cho biết": the next sentence's subject speaks
            between = low[nearest[1]:verb.start()]
            # Before a colon that opens a quotation, the subject's predicate may be longer: "ông X vẫn
            # có lý do riêng: “...”".
            if len(between.split()) <= (8 if verb.group(0) == ":" else 3) and not _CLAUSE_BREAK_IN.search(between) \
                    or _SET_OFF_APPOSITIVE.fullmatch(between) or self._titled_appositive(between) \
                    or self._titled_appositive(between, person_nouns=True) \
                    and not _first_person_subject(low, seg_start, nearest[0]):  # "Tôi, X, học sinh ..., xin"
                nearest[2].quoted = True  # "ông X nói", "ông X - chủ tịch UBND quận Y, TP Z - cho biết"
                # "ông A, cán bộ ..., và ông B, cán bộ ..., thừa nhận": two subjects joined by "và".
                if len(in_clause) == 2 and _AND_BEFORE.search(low, max(0, nearest[0] - 12), nearest[0]) \
                        and self._opens_clause(text, low, seg_start, in_clause[0][0]):
                    in_clause[0][2].quoted = True
                # "A, B, C khai ...", "cả A và B đều khai nhận": names joined by nothing but commas and
                # "và" are one subject, and all of them speak.
                # (the verb right after the last name, and no "cùng" before the first: not "cùng ca sĩ A
                # và B lưu diễn ... cho biết", nor "dẫn cùng A, B tâm sự")
                j = len(in_clause) - 1
                # (a bracket of particulars after a name is no break: "hai bị cáo A (vợ B), C đều xin ...")
                while j > 0 and _BRACKETED.sub("", low[in_clause[j - 1][1]:in_clause[j][0]]) in (", ", " và ", ", và "):
                    j -= 1
                first = in_clause[j][0]
                if j < len(in_clause) - 1 and set(between.split()) <= _LIST_VERB_ADVERBS and \
                        not _WITH_BEFORE.search(low, max(seg_start, first - 30), first):
                    for o in in_clause[j:]:
                        o[2].quoted = True
            elif len(low[in_clause[0][1]:verb.start()]) <= 160 and not _first_person_subject(
                    low, seg_start, in_clause[0][0]) and not _GENERIC_SUBJECT.search(low, max(0, verb.start() - 25),
                                                                                      verb.start()) \
                    and self._opens_clause(text, low, seg_start, in_clause[0][0]):
                # The first person named in the clause is its subject (see _FIRST_PERSON_SUBJECT).
                in_clause[0][2].quoted = True
        # "Theo bác sĩ X", "dẫn lời ông Y".
        for start, end, cluster in owner:
            pre = low[max(0, start - 100):start]
            brk = list(_ATTRIBUTION_BREAK.finditer(pre))
            cut = brk[-1].end() if brk else 0
            # "nhận định của Tiến sỹ, Luật sư X": job titles listed with commas belong to the name
            # (not "Theo Bộ Công an, ông X": an honorific opens a new clause).
            while brk and pre[brk[-1].start()] == "," and self._titles_only(pre[cut:]) and \
                    self._titles_only(pre[max(0, brk[-1].start() - 12):brk[-1].start()].split()[-1:]):
                brk.pop()
                cut = brk[-1].end() if brk else 0
            pre_clause = pre[cut:].replace(",", " ")
            m = self._attribution_re.search(" " + pre_clause)
            # Only titles, and the capitalised name of their office, may stand between: "theo bác sĩ
            # X", "theo phó giám đốc Sở Y tế Thái Bình X" yes; "theo phản ánh của gia đình anh X" no.
            # (not a group that speaks for the person: "theo gia đình Hùng" is the family's word)
            if m and not _SPEAKS_FOR_BEFORE.search(m.group(1)):
                between = text[start - len(m.group(1)):start].replace(",", " ").split()
                if all(w.lower() in self._title_vocabulary or w[:1].isupper() for w in between) and sum(
                        w.lower() in self._title_vocabulary for w in between) >= sum(w[:1].isupper() for w in between) / 3:
                    cluster.quoted = True
            # "Theo điều phối viên LHQ về dịch cúm, tiến sĩ X, virus ...", "Theo đại diện của hãng Y, X,
            # ...": the name, set off by commas, is the attributed speaker (a title before it, or a person
            # noun in the phrase; not "Theo kế hoạch, X, ...").
            theo = _THEO_APPOSITIVE_BEFORE.search(low, max(0, start - 120), start)
            if theo and _COMMA_AFTER_NAME.match(low, end) and (
                    self._titles_only(theo.group(2)) or not theo.group(2).split() and
                    any(w in self.role_words or w in _SPEAKER_NOUNS for w in _phrases(theo.group(1).split()))):
                cluster.quoted = True
            # "“...” - cô Nguyễn Thị Dung (giáo viên ...) xúc động": a name after a quotation and a
            # dash, its titles alone between, signs the quotation whatever verb follows.
            # Words, not a title in quotation marks ("vợ vua “Tài nhân ...”- X"): a sentence or a long run.
            signed = _QUOTE_DASH_BEFORE.search(low, max(0, start - 40), start)
            if signed and all(w in self._title_vocabulary for w in signed.group(1).split()):
                opened, words = _quotation_before(low, signed.start())
                if opened >= 0 and (len(words.split()) >= 8 or words.rstrip()[-1:] in ".!?…"):
                    cluster.quoted = True
            signed = _QUOTE_COMMA_BEFORE.search(low, max(0, start - 40), start)
            if signed and all(w in self._title_vocabulary or w in self.honorific_gender for w in signed.group(1).split()) \
                    and not _KIN_BEFORE_NAME.intersection(signed.group(1).split()):  # "“...”, con trai ông X viết"
                opened, words = _quotation_before(low, signed.start())
                if opened >= 0 and len(words.split()) >= 6 and _QUOTE_OPENS_SENTENCE.search(low, max(0, opened - 3),
                                                                                             opened + 1):
                    cluster.quoted = True
            # "- Ông Quách Lê Thanh: Tôi ...": an interview answer opens with the speaker's name.
            # (Looked for in the 300 characters before the name: a longer run of words is never
            # titles alone, and scanning back to the start of a long text is quadratic.)
            window = max(0, start - 300)
            line_start = max(low.rfind("\n", window, start), low.rfind(". ", window, start) + 1)
            if (line_start >= window or not window) and _NAME_COLON.match(low, end) and all(
                    w in self._title_vocabulary or w in self.honorific_gender
                    for w in low[line_start:start].replace("-", " ").replace("–", " ").split()):
                cluster.quoted = True
        self._interview_subject(clusters, owner, low)
        self._title_speakers(clusters, low, verbs, idiom, inside_quote)
        self._group_testimony(clusters, low)
        # "..., ông nói": a pronoun speaks. It refers to the person of that gender named just before,
        # but only when the window holds one such person: with several men around, no guess.
        for m in self._pronoun_speaker_re.finditer(low):
            # "“Có gì đâu! - cô nói - Mỗi chuyến...”": an attribution set off by dashes inside the
            # quotation still names its speaker.
            if inside_quote(m.start(1)) and not _DASH_AFTER.match(low[m.end():m.end() + 40]) or \
                    inside_quote(m.start(1)) and not _DASH_BEFORE.search(low[max(0, m.start(1) - 4):m.start(1)]):
                continue
            if idiom(m.end() - 1):
                continue  # "Trong bản khai này, anh ta nói": a document's words
            pron = m.group(1)
            want = "F" if pron in ("bà", "chị", "cô") else "M"
            pos = m.start(1)
            hi = bisect.bisect_left(starts, pos)
            # Not a person the text always calls otherwise ("cô Hồ Thị T. ... Bà từ tốn nói": the
            # mother speaks, not the daughter).
            near = {id(cl): cl for s_, _e, cl in owner[max(0, hi - 12):hi]
                    if pos - s_ <= 400 and cl.gender == want and not (
                        (called := {m.honorific for m in cl.mentions} & PLAIN_HONORIFICS) and pron not in called)}
            if len(near) > 1:
                # "ông Tony Blair ... tướng Mỹ George W. Casey và trung tướng John Kiszely. Ông hy vọng":
                # of several men, the one the text calls by the pronoun's own honorific.
                # (and named in this or the previous sentence, not as an object: "nạn nhân L. không cho
                # rằng ... Chị nói" is L., though another woman is the one called "chị")
                i = bisect.bisect_right(sentence_starts, pos) - 1
                prev_start = sentence_starts[i - 1] if i > 0 else 0
                near = {k: cl for k, cl in near.items() if pron in {m.honorific for m in cl.mentions} and any(
                    prev_start <= s_ < pos and not self._object_of(low, s_) for s_, _e, c in owner[max(0, hi - 12):hi]
                    if c is cl)}
            if len(near) == 1:
                next(iter(near.values())).quoted = True
