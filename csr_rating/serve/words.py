"""The page's own words, in English and Chinese (the scorecard's come from ``render.html``)."""

from __future__ import annotations

from csr_rating.i18n import I18n, Lang

WORDS: dict[str, I18n] = {
    "title": I18n(en="csr-rating: rate a CSR report draft", zh="csr-rating：企业社会责任报告评级"),
    "heading": I18n(en="Rate a CSR report draft", zh="企业社会责任报告评级"),
    "intro": I18n(
        en="Drop a draft or a report YAML: see its stars, answer what the draft cannot show, check what was "
        "read from it, and download the report, its scorecard and a rating letter.",
        zh="拖入报告草稿或报告 YAML：查看星级，回答草稿无法显示的问题，核对从草稿读取的内容，"
        "并下载报告、评级卡和评级函。",
    ),
    "private": I18n(
        en="Everything stays on this computer: the file is read here, by this program, and removed when it stops.",
        zh="所有内容只在本机处理：文件由本程序在此读取，程序停止时即删除。",
    ),
    "drop": I18n(
        en="Drop a draft (PDF, Word, text, Markdown) or a report YAML here",
        zh="将报告草稿（PDF、Word、文本、Markdown）或报告 YAML 拖到此处",
    ),
    "pick": I18n(en="or choose a file", zh="或选择文件"),
    "lang": I18n(en="Language", zh="语言"),
    "lang_auto": I18n(en="the draft's", zh="按草稿"),
    "industry": I18n(en="Industry", zh="行业"),
    "industry_auto": I18n(en="detect from the draft", zh="从草稿识别"),
    "industry_hint": I18n(en="(a report YAML names its own)", zh="（报告 YAML 已自带行业）"),
    "standard": I18n(en="Standard", zh="评级标准"),
    "stage_upload": I18n(en="Uploading… {pct}%", zh="正在上传…{pct}%"),
    "stage_read": I18n(en="Reading the draft…", zh="正在读取草稿…"),
    "stage_ingest": I18n(en="Finding the report's facts…", zh="正在提取报告事实…"),
    "stage_score": I18n(en="Scoring…", zh="正在评分…"),
    "too_large": I18n(en="{name}: larger than the limit of {limit} MB", zh="{name}：超过 {limit} MB 的上限"),
    "wrong_kind": I18n(
        en="{name}: not a draft (.txt .md .pdf .docx) or a report YAML (.yaml)",
        zh="{name}：不是报告草稿（.txt .md .pdf .docx）或报告 YAML（.yaml）",
    ),
    "failed": I18n(en="The server did not answer; is it still running?", zh="服务器没有响应，是否仍在运行？"),
    "now": I18n(en="Rating now", zh="当前评级"),
    "range_open": I18n(
        en="A range while questions are open: answer them to narrow it.",
        zh="尚有问题未答，评级为区间：回答问题可缩小区间。",
    ),
    "questions": I18n(en="Questions the draft cannot answer", zh="草稿无法回答的问题"),
    "question_of": I18n(en="Question {n} of {m}", zh="第{n}题，共{m}题"),
    "gain": I18n(en="can add up to {gain} points", zh="最多可提升{gain}分"),
    "hint_yes_no": I18n(en="yes or no", zh="是或否"),
    "hint_number": I18n(en="a whole number, 0 or more", zh="整数，0或以上"),
    "hint_names": I18n(en="names, separated by commas", zh="名称，用逗号分隔"),
    "hint_text": I18n(en="text", zh="文字"),
    "yes": I18n(en="Yes", zh="是"),
    "no": I18n(en="No", zh="否"),
    "answer": I18n(en="Answer", zh="回答"),
    "skip": I18n(en="Skip for now", zh="暂时跳过"),
    "absent": I18n(en="The report does not have it", zh="报告没有此项"),
    "no_questions": I18n(
        en="No open questions: every fact the rating reads is known.", zh="没有待答问题：评级所需的事实均已知。"
    ),
    "all_skipped": I18n(en="All open questions are skipped ({n}).", zh="所有待答问题均已跳过（{n}个）。"),
    "ask_again": I18n(en="Ask the skipped questions again", zh="重新询问跳过的问题"),
    "empty_answer": I18n(en="give an answer, or skip the question", zh="请填写答案，或跳过此问题"),
    "answered": I18n(en="Answered. Overall: {before} → {after}.", zh="已回答。综合评级：{before} → {after}。"),
    "review": I18n(en="Items to review", zh="待核对项"),
    "review_hint": I18n(
        en="Each item was read from the draft with some doubt. Check it against the draft's text, correct it "
        "and save, or delete it.",
        zh="以下各项从草稿中读取时存在疑问。请对照草稿原文核对：修改后保存，或删除。",
    ),
    "no_review": I18n(en="No items left to review.", zh="没有待核对项。"),
    "draft": I18n(en="Draft", zh="草稿"),
    "not_in_draft": I18n(en="(not found in the draft)", zh="（草稿中未找到）"),
    "item": I18n(en="The item in the report", zh="报告中的该项"),
    "save": I18n(en="Save as checked", zh="核对无误，保存"),
    "delete": I18n(en="Delete", zh="删除"),
    "corrected": I18n(en="Saved as checked. {n} items left to review.", zh="已保存。尚余{n}项待核对。"),
    "deleted": I18n(en="Deleted. {n} items left to review.", zh="已删除。尚余{n}项待核对。"),
    "undo": I18n(en="Undo the last change", zh="撤销上一步"),
    "undone": I18n(en="The last change is undone.", zh="已撤销上一步。"),
    "nothing_to_undo": I18n(en="Nothing to undo.", zh="没有可撤销的修改。"),
    "downloads": I18n(en="Download", zh="下载"),
    "download_yaml": I18n(en="Report YAML (answers and corrections in it)", zh="报告 YAML（含回答与修改）"),
    "download_card": I18n(en="Scorecard (HTML)", zh="评级卡（HTML）"),
    "download_letter": I18n(en="Rating letter (HTML, prints on A4)", zh="评级函（HTML，可按 A4 打印）"),
    "another": I18n(en="Rate another file", zh="评另一个文件"),
    "working": I18n(en="Working on {name}…", zh="正在处理 {name}…"),
}


def say(key: str, lang: Lang, **values: str) -> str:
    """A fixed phrase of the page in ``lang``, with ``values`` filled in."""
    text = WORDS[key].get(lang)
    return text.format(**values) if values else text
