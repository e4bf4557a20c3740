"""The words of the site, in Chinese and in English (record values are shown as written)."""

from __future__ import annotations

import datetime as dt

from dytool.core.findings import Lang

__all__ = ["Words", "words_for"]

_WORDS: dict[str, tuple[str, str]] = {
    "overview": ("概览", "Overview"),
    "ledger": ("问题清单", "Problems"),
    "topics": ("调研课题", "Topics"),
    "units": ("责任单位", "Units"),
    "leaders": ("领导调研", "Leaders"),
    "skip": ("跳到正文", "Skip to content"),
    "as_of": ("数据截至", "Data as of"),
    "commit": ("版本", "Commit"),
    "no_commit": ("未纳入版本管理", "not in version control"),
    "dirty": ("含未提交的改动", "with uncommitted changes"),
    "built_by": ("由 dytool {version} 生成", "Built by dytool {version}"),
    "public_note": ("已略去带密级的记录", "classified records left out"),
    "classified_note": ("含带密级的记录，注意保密", "includes classified records"),
    "anonymized_note": ("已隐去人名和单位名", "names of people and units hidden"),
    "current_stage": ("当前阶段", "Current stage"),
    "no_stage": ("当前不在任何阶段内", "No current stage"),
    "next_stage": ("下一阶段", "Next stage"),
    "starts_in": ("{date}开始（{n} 天后）", "starts {date} (in {n} days)"),
    "day_of": ("第 {n}/{total} 天", "day {n} of {total}"),
    "days_left": ("剩余 {n} 天", "{n} days left"),
    "campaign_days_left": ("活动剩余", "Campaign days left"),
    "campaign_ends": ("{date}结束", "ends {date}"),
    "campaign_over": ("活动已结束", "campaign over"),
    "days": ("天", "days"),
    "milestones": ("时间节点", "Milestones"),
    "milestone": ("时间节点", "Milestone"),
    "due": ("截止时间", "Due"),
    "status": ("状态", "Status"),
    "progress": ("进度", "Progress"),
    "note": ("说明", "Note"),
    "overdue_n": ("逾期 {n} 天", "overdue {n} d"),
    "done_on": ("{date}完成", "done {date}"),
    "missing": ("未完成：{ids}", "missing: {ids}"),
    "today": ("今天", "today"),
    "three_lists": ("三张清单", "The three lists"),
    "problems_found": ("发现问题", "Problems found"),
    "problems_closed": ("已销号", "Closed"),
    "problems_open": ("未销号", "Open"),
    "problems_overdue": ("逾期未销号", "Overdue"),
    "closure_rate": ("销号率", "Closure rate"),
    "on_time_rate": ("按时销号率", "On-time rate"),
    "escalated": ("提请统筹", "Escalated"),
    "long_term": ("长期坚持", "Long-term"),
    "solutions": ("问题解决清单", "Solutions"),
    "solutions_done": ("完成 {done}/{total} 项", "{done}/{total} done"),
    "solutions_overdue": ("逾期 {n} 项", "{n} overdue"),
    "institutions": ("制度清单", "Institutions"),
    "inst_issued": ("已出台", "issued"),
    "inst_reviewing": ("审议中", "under review"),
    "inst_drafting": ("起草中", "drafting"),
    "chart_found_closed": ("问题发现与销号", "Problems found and closed"),
    "chart_found_closed_desc": ("截至各月底累计发现、累计销号和逾期未销号的问题数", "Problems found, closed and overdue, cumulative at each month's end"),
    "chart_rate_by_unit": ("各单位销号率", "Closure rate by unit"),
    "chart_rate_by_unit_desc": ("各责任单位已销号问题占发现问题的比例，从低到高", "Share of each unit's problems that are closed, lowest first"),
    "chart_days_by_leader": ("领导本月调研天数", "Leaders' visit days this month"),
    "chart_days_by_leader_desc": ("{month}各位领导的调研天数，竖线为每月要求", "Visit days of each leader in {month}; the line is the monthly rule"),
    "rule": ("要求", "rule"),
    "overdue_by_unit": ("逾期问题（按责任单位）", "Overdue problems by unit"),
    "overdue_longest": ("逾期最久的问题", "Longest overdue"),
    "show_all_overdue": ("查看全部 {n} 个逾期问题", "All {n} overdue problems"),
    "unit": ("责任单位", "Unit"),
    "count": ("数量", "Count"),
    "problem": ("问题", "Problem"),
    "id": ("编号", "Id"),
    "topic": ("所属课题", "Topic"),
    "found_on": ("发现时间", "Found"),
    "closed_on": ("销号时间", "Closed"),
    "handling": ("整改方式", "Handling"),
    "days_overdue": ("逾期天数", "Days overdue"),
    "topics_progress": ("课题进展", "Topics"),
    "topics_total": ("课题 {n} 个", "{n} topics"),
    "behind": ("进度滞后于时间节点", "Behind the milestones"),
    "now_expected": ("现为“{now}”，应达“{expected}”", "now {now}, expected {expected}"),
    "recurring": ("常态化要求", "Recurring obligations"),
    "handed_in": ("已报送 {met}/{due} 期", "handed in {met}/{due}"),
    "missed": ("未报送：{periods}", "missed: {periods}"),
    "burden": ("基层负担", "Burden on hosts"),
    "burden_line": ("{start}至{end}接待调研 {n} 批次（上限 {max}）", "{n} visits between {start} and {end} (limit {max})"),
    "search": ("搜索", "Search"),
    "search_placeholder": ("编号、问题或单位", "id, problem or unit"),
    "all": ("全部", "All"),
    "state_open": ("未销号", "open"),
    "state_closed": ("已销号", "closed"),
    "only_overdue": ("逾期", "Overdue"),
    "only_overdue_long": ("只看逾期", "Overdue only"),
    "reset": ("清除筛选", "Clear filters"),
    "shown": ("共 {total} 个问题，筛选后 {n} 个", "{n} of {total} problems"),
    "page_of": ("第 {page}/{pages} 页", "page {page} of {pages}"),
    "prev": ("上一页", "Previous"),
    "next": ("下一页", "Next"),
    "no_rows": ("没有符合条件的问题", "No problem matches"),
    "noscript": ("问题清单的筛选需要启用 JavaScript。", "Filtering the ledger needs JavaScript."),
    "sort_by": ("按此列排序", "sort by this column"),
    "filters": ("筛选", "Filters"),
    "stage": ("阶段", "Stage"),
    "leader": ("领题领导", "Leader"),
    "lead_unit": ("牵头单位", "Lead unit"),
    "co_units": ("参与单位", "Units"),
    "theme": ("调研主题", "Theme"),
    "kind": ("课题类型", "Kind"),
    "questions": ("关键问题", "Key questions"),
    "report": ("调研报告", "Report"),
    "no_report": ("尚无调研报告", "No report yet"),
    "abstract": ("摘要", "Abstract"),
    "byline_authors": ("执笔", "Written by"),
    "visits": ("调研活动", "Visits"),
    "date": ("日期", "Date"),
    "visit_leaders": ("带队领导", "Leaders"),
    "hosts": ("调研对象", "Hosts"),
    "methods": ("调研方式", "Methods"),
    "none": ("无", "none"),
    "more": ("……另有 {n} 项", "… and {n} more"),
    "has_report": ("报告", "Report"),
    "yes": ("有", "yes"),
    "topic_stage_path": ("课题阶段", "Stages"),
    "unit_type": ("单位类型", "Type"),
    "unit_figures": ("本单位问题整改", "This unit's problems"),
    "topics_led": ("牵头或参与的课题", "Topics led or joined"),
    "visits_hosted": ("接待的调研", "Visits received"),
    "solution": ("解决事项", "Solution"),
    "institution": ("制度名称", "Institution"),
    "done": ("完成情况", "Done"),
    "title_col": ("职务", "Title"),
    "visit_days_month": ("{month}调研天数", "Visit days in {month}"),
    "last_visit": ("最近一次调研", "Last visit"),
    "topics_count": ("领题", "Topics"),
    "days_per_month": ("每月调研天数", "Visit days per month"),
    "days_per_month_desc": ("各月调研天数，虚线为每月要求", "Visit days in each month; the dashed line is the rule"),
    "led_topics": ("领题", "Topics led"),
    "problems_of": ("问题", "Problems"),
    "image_left_out": ("（图片未显示：{why}）", "(image not shown: {why})"),
    "stage_label": ("阶段", "stage"),
    "rate_of": ("{closed}/{found} 已销号", "{closed}/{found} closed"),
}

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


class Words:
    """``words("key", n=3)``: the phrase in the site's language, with its blanks filled."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.en = lang is Lang.EN
        self._index = 1 if self.en else 0

    def phrases(self) -> dict[str, str]:
        """Every phrase without blanks, by key (the templates' ``L.key``)."""
        return {key: pair[self._index] for key, pair in _WORDS.items()}

    def __call__(self, key: str, **blanks: object) -> str:
        text = _WORDS[key][self._index]
        return text.format(**blanks) if blanks else text

    @property
    def colon(self) -> str:
        return ": " if self.en else "："

    @property
    def sep(self) -> str:
        """Between the items of a list."""
        return ", " if self.en else "、"

    @property
    def semi(self) -> str:
        return "; " if self.en else "；"

    @property
    def comma(self) -> str:
        return ", " if self.en else "，"

    def paren(self, text: object) -> str:
        return f" ({text})" if self.en else f"（{text}）"

    def day(self, day: dt.date | None) -> str:
        if day is None:
            return "—"
        return day.isoformat() if self.en else f"{day.year}年{day.month}月{day.day}日"

    def short_day(self, day: dt.date | None) -> str:
        if day is None:
            return "—"
        return day.isoformat() if self.en else f"{day.month}月{day.day}日"

    def month(self, year: int, month: int) -> str:
        return f"{_MONTHS_EN[month - 1]} {year}" if self.en else f"{year}年{month}月"

    def short_month(self, month: int) -> str:
        return _MONTHS_EN[month - 1][:3] if self.en else f"{month}月"

    def label(self, value: object) -> str:
        """A labelled enumeration's label (``label_zh``) or its machine value in English."""
        if self.en:
            return str(getattr(value, "value", value)).replace("_", " ")
        return str(getattr(value, "label_zh", value))

    def pct(self, rate: float | None) -> str:
        return "—" if rate is None else f"{rate * 100:.1f}%"


def words_for(lang: Lang) -> Words:
    return Words(lang)
