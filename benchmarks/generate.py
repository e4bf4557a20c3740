#!/usr/bin/env python3
"""Generate a synthetic, realistic campaign repository (大兴调查研究) for benchmarks.

    python benchmarks/generate.py OUT_DIR --records 10000 [--shape rich|flat] [--files F]
                                  [--seed S] [--errors K] [--reports R] [--manifest FILE]

The repository follows repo-format.md (../shared/spec/): campaign.yaml, people.yaml,
units.yaml, topics/, visits/, problems/, solutions/, institutions/ (YAML lists of
mappings, files named ``visits/2023-05-0007.yaml``) and reports/ (Markdown with front
matter).  Records are split 50 % visits, 30 % problems, 8 % topics, 7 % solutions and
5 % institutions; free text comes from phrase banks drawn with a seeded
``random.Random``, so the same arguments give byte-identical output.

``--shape rich`` (the default) writes full records with free text; ``--shape flat`` writes
the same campaign world as short, flat records of a handful of scalar fields (see
``FlatRenderer``), so that the YAML parse floor is cheap and a tool's own per-record costs
show.  Both shapes take seeded errors.

Text is built directly (no YAML dumper): first a light skeleton of every record (dates,
people, cross references), then each file is rendered and written in turn, so 200,000
records take seconds and little memory.

With ``--errors K`` the generator seeds K deliberate errors (see ``ERROR_KINDS``) and
prints one line per error to stdout, ``path:line: kind: message``; ``--manifest FILE``
also writes them as JSON with the line span of the record (or file) that holds them.
Everything else (the summary of what was written) goes to stderr.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import json
import random
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

YEAR = 2023
N_DAYS = 365
DAYS: list[str] = [(dt.date(YEAR, 1, 1) + dt.timedelta(days=i)).isoformat() for i in range(N_DAYS)]
CN_DAY: list[str] = [f"{int(d[5:7])}月{int(d[8:10])}日" for d in DAYS]


def day_of(month: int, mday: int) -> int:
    return (dt.date(YEAR, month, mday) - dt.date(YEAR, 1, 1)).days


def clamp(day: int) -> int:
    return 0 if day < 0 else N_DAYS - 1 if day >= N_DAYS else day


# --------------------------------------------------------------------------------------
# Fixed world: people, units, themes, activities
# --------------------------------------------------------------------------------------

SURNAMES: list[tuple[str, str]] = [
    ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"),
    ("黄", "huang"), ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"), ("徐", "xu"), ("孙", "sun"),
    ("马", "ma"), ("朱", "zhu"), ("胡", "hu"), ("郭", "guo"), ("何", "he"), ("高", "gao"),
    ("林", "lin"), ("罗", "luo"), ("郑", "zheng"), ("梁", "liang"), ("谢", "xie"), ("宋", "song"),
    ("唐", "tang"), ("韩", "han"), ("冯", "feng"), ("邓", "deng"), ("曹", "cao"), ("彭", "peng"),
]
GIVEN: list[tuple[str, str]] = [
    ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("强", "qiang"),
    ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"), ("杰", "jie"),
    ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("秀英", "xiuying"), ("华", "hua"),
    ("平", "ping"), ("刚", "gang"), ("建国", "jianguo"), ("志强", "zhiqiang"), ("海燕", "haiyan"),
    ("晓东", "xiaodong"), ("红梅", "hongmei"), ("文博", "wenbo"), ("立新", "lixin"),
    ("卫东", "weidong"), ("国庆", "guoqing"), ("丽华", "lihua"), ("永红", "yonghong"),
]

# (id, name, short_name, type, parent)
UNITS: list[tuple[str, str, str, str, str]] = [
    ("swb", "中共某某市委办公室", "市委办", "department", ""),
    ("zfb", "某某市人民政府办公室", "市政府办", "department", ""),
    ("dyb", "市委大兴调查研究领导小组办公室", "市调研办", "other", ""),
    ("zzb", "中共某某市委组织部", "市委组织部", "department", ""),
    ("xcb", "中共某某市委宣传部", "市委宣传部", "department", ""),
    ("zys", "中共某某市委政策研究室", "市委政研室", "department", ""),
    ("fgw", "市发展和改革委员会", "市发改委", "department", ""),
    ("jxj", "市经济和信息化局", "市经信局", "department", ""),
    ("kjj", "市科学技术局", "市科技局", "department", ""),
    ("czj", "市财政局", "市财政局", "department", ""),
    ("rsj", "市人力资源和社会保障局", "市人社局", "department", ""),
    ("zrzyj", "市自然资源和规划局", "市自然资源局", "department", ""),
    ("sthjj", "市生态环境局", "市生态环境局", "department", ""),
    ("zjj", "市住房和城乡建设局", "市住建局", "department", ""),
    ("jtj", "市交通运输局", "市交通局", "department", ""),
    ("slj", "市水利局", "市水利局", "department", ""),
    ("nyncj", "市农业农村局", "市农业农村局", "department", ""),
    ("swj", "市商务局", "市商务局", "department", ""),
    ("wlj", "市文化广电旅游局", "市文旅局", "department", ""),
    ("wjw", "市卫生健康委员会", "市卫健委", "department", ""),
    ("yjj", "市应急管理局", "市应急局", "department", ""),
    ("scjgj", "市市场监督管理局", "市市场监管局", "department", ""),
    ("zwfwj", "市政务服务和大数据管理局", "市政务服务局", "department", ""),
    ("jyj", "市教育局", "市教育局", "department", ""),
    ("mzj", "市民政局", "市民政局", "department", ""),
    ("xfj", "市信访局", "市信访局", "department", ""),
    ("tjj", "市统计局", "市统计局", "department", ""),
    ("dongcheng", "东城区", "东城区", "district", ""),
    ("xicheng", "西城区", "西城区", "district", ""),
    ("gaoxin", "高新区", "高新区", "district", ""),
    ("qingshan", "青山县", "青山县", "county", ""),
    ("linjiang", "临江市", "临江市", "county", ""),
    ("baishui", "白水县", "白水县", "county", ""),
    ("yunling", "云岭县", "云岭县", "county", ""),
    ("qs-chengguan", "青山县城关镇", "城关镇", "township", "qingshan"),
    ("qs-shiqiao", "青山县石桥镇", "石桥镇", "township", "qingshan"),
    ("lj-binjiang", "临江市滨江街道", "滨江街道", "township", "linjiang"),
    ("lj-heping", "临江市和平镇", "和平镇", "township", "linjiang"),
    ("bs-longquan", "白水县龙泉乡", "龙泉乡", "township", "baishui"),
    ("bs-dazhuang", "白水县大庄镇", "大庄镇", "township", "baishui"),
    ("yl-huashan", "云岭县花山镇", "花山镇", "township", "yunling"),
    ("yl-taiping", "云岭县太平乡", "太平乡", "township", "yunling"),
    ("dc-xinhua", "东城区新华街道", "新华街道", "township", "dongcheng"),
    ("xc-jinqiao", "西城区金桥街道", "金桥街道", "township", "xicheng"),
    ("qs-lijiacun", "城关镇李家村", "李家村", "village", "qs-chengguan"),
    ("qs-shangba", "石桥镇上坝村", "上坝村", "village", "qs-shiqiao"),
    ("lj-hexi", "和平镇河西村", "河西村", "village", "lj-heping"),
    ("bs-xiaowan", "龙泉乡小湾村", "小湾村", "village", "bs-longquan"),
    ("bs-zhaozhuang", "大庄镇赵庄村", "赵庄村", "village", "bs-dazhuang"),
    ("yl-chayuan", "花山镇茶园村", "茶园村", "village", "yl-huashan"),
    ("yl-shuikou", "太平乡水口村", "水口村", "village", "yl-taiping"),
    ("dc-yangguang", "新华街道阳光社区", "阳光社区", "community", "dc-xinhua"),
    ("xc-jinxiu", "金桥街道锦绣社区", "锦绣社区", "community", "xc-jinqiao"),
    ("lj-jiangpan", "滨江街道江畔社区", "江畔社区", "community", "lj-binjiang"),
    ("hengtong", "某某恒通机械制造有限公司", "恒通机械", "enterprise", "gaoxin"),
    ("ruike", "某某瑞科新材料股份有限公司", "瑞科新材", "enterprise", "gaoxin"),
    ("lvyuan", "某某绿源农业发展有限公司", "绿源农业", "enterprise", "qingshan"),
    ("xinhai", "某某新海电子科技有限公司", "新海电子", "enterprise", "dongcheng"),
    ("jiaotou", "某某市交通投资集团有限公司", "市交投集团", "enterprise", ""),
    ("gongshui", "某某市供水有限公司", "市供水公司", "enterprise", ""),
]
UNIT_IDS = [u[0] for u in UNITS]
UNIT_NAME = {u[0]: u[1] for u in UNITS}
UNIT_SHORT = {u[0]: u[2] for u in UNITS}
UNIT_TYPE = {u[0]: u[3] for u in UNITS}
DEPARTMENTS = [u[0] for u in UNITS if u[3] == "department"]
COUNTIES = [u[0] for u in UNITS if u[3] in ("county", "district")]
HOST_UNITS = [u[0] for u in UNITS if u[3] in ("county", "district", "township", "village",
                                                   "community", "enterprise")]
GRASSROOTS = [u[0] for u in UNITS if u[3] in ("village", "community")]
# Two townships filed "nothing found": problems/<unit>.yaml holds an empty list.
NOTHING_FOUND = ["yl-taiping", "xc-jinqiao"]
OWNER_UNITS = [u for u in UNIT_IDS if u not in NOTHING_FOUND and u != "dyb"]
IN_SCOPE_OWNERS = [u[0] for u in UNITS if u[3] in ("county", "district", "township")
                   and u[0] not in NOTHING_FOUND]

CITY_LEADER_TITLES = [
    "市委书记", "市委副书记、市长", "市委副书记", "市委常委、常务副市长", "市委常委、组织部部长",
    "市委常委、宣传部部长", "市委常委、秘书长", "副市长", "副市长", "副市长", "副市长",
]
SECRETARY_TITLES = ["综合科科长", "秘书", "一级主任科员", "二级主任科员", "调研科副科长"]

# (id, title, objects) – objects are the subjects research is about
THEMES: list[tuple[str, str, list[str]]] = [
    ("development", "推动经济高质量发展", [
        "重点项目建设", "产业园区提质增效", "招商引资", "制造业转型升级", "县域经济发展",
        "外贸稳规模优结构", "民营经济发展", "现代服务业集聚区建设"]),
    ("business", "持续优化营商环境", [
        "涉企审批事项办理", "中小微企业融资", "工程建设项目审批", "企业开办和注销",
        "惠企政策兑现", "政务服务“一网通办”", "拖欠企业账款清理", "涉企执法检查"]),
    ("rural", "全面推进乡村振兴", [
        "农村集体经济发展", "高标准农田建设", "农村人居环境整治", "特色产业培育",
        "脱贫人口稳定增收", "农村寄递物流体系建设", "农村饮水安全", "宅基地规范管理"]),
    ("livelihood", "保障和改善民生", [
        "老旧小区改造", "养老服务体系建设", "义务教育阶段学位供给", "基层医疗卫生服务",
        "稳就业保就业", "保障性租赁住房建设", "托育服务供给", "城市停车难治理"]),
    ("governance", "推进基层治理现代化", [
        "网格化服务管理", "矛盾纠纷多元化解", "信访积案化解", "社区服务能力建设",
        "为基层减负", "物业服务管理", "平安建设", "城乡社区协商"]),
    ("ecology", "加强生态环境保护", [
        "河湖长制落实", "大气污染联防联控", "生活垃圾分类", "工业园区污水集中处理",
        "矿山生态修复", "农业面源污染治理", "黑臭水体治理", "噪声污染防治"]),
    ("innovation", "强化科技创新驱动", [
        "科技成果转化", "高新技术企业培育", "产学研协同创新", "数字经济发展",
        "高层次人才引进", "中试平台建设", "企业研发投入", "专精特新企业培育"]),
    ("party", "提高新时代党的建设质量", [
        "基层党组织建设", "软弱涣散党组织整顿", "干部担当作为激励", "年轻干部培养",
        "作风建设", "党建引领基层治理", "村级后备力量培养", "机关党建与业务融合"]),
]
THEME_IDS = [t[0] for t in THEMES]
ALL_OBJECTS = [o for t in THEMES for o in t[2]]

# (id, title, lead_unit, description)
ACTIVITIES: list[tuple[str, str, str, str]] = [
    ("dywj", "调研问计", "zys", "围绕重大课题开展调研，问计于民、问需于企"),
    ("cdwz", "沉底问政", "zzb", "领导干部换位沉底到基层一线蹲点调研，开展“五个一”活动"),
    ("zfwx", "走访问需", "dyb", "走访企业、村（社区）和困难群众，了解诉求、解决急难愁盼问题"),
    ("wdkc", "外地考察", "fgw", "赴先进地区考察学习，对标找差"),
]

# Enumerations: machine value -> Chinese label (repo-format.md, Enumerations)
METHODS = {
    "symposium": "座谈会", "field_visit": "实地走访", "questionnaire": "问卷调查",
    "squat": "蹲点", "interview": "一对一访谈", "expert_consultation": "专家咨询",
    "out_of_town": "外地考察", "random": "随机调研", "unannounced": "四不两直",
    "data_analysis": "数据分析", "other": "其他",
}
TOPIC_KIND = {"major": "重大课题", "special": "专项调研", "routine": "日常调研"}
TOPIC_CASE = {"positive": "正面案例", "negative": "反面案例"}
GRADE = {"excellent": "优秀", "good": "良好", "pass": "合格"}
OUTCOME_KIND = {"theory": "理论成果", "institution": "制度成果", "practice": "实践成果"}
OUTCOME_FORM = {
    "document": "专门文件", "meeting": "专门会议", "instruction": "领导批示",
    "regulation": "规范性文件", "adopted": "被会议文件吸收", "published": "刊发",
    "internal_reference": "内参采用", "award": "获奖",
}
SOURCE = {"research": "调研发现", "public": "群众反映", "development": "推动发展遇到",
          "inspection": "巡视巡察", "audit": "审计", "other": "其他"}
SCOPE = {"individual": "个性问题", "general": "共性问题", "systemic": "普遍性制度性问题"}
HANDLING = {"immediate": "立行立改", "planned": "限期整改", "escalated": "提请统筹",
            "long_term": "长期坚持"}
INST_KIND = {"new": "新建", "revised": "修订", "abolished": "废止"}
INST_STATUS = {"drafting": "起草中", "reviewing": "审议中", "issued": "已出台"}

# Rule shapes the spec leaves open are kept here, in one place, for easy adjustment.
RULES_YAML = """\
rules:
  leader_topics: {min: 1, max: 2, roles: [city_leader], level: warning}
  unit_topics: {min: 3, max: 5, unit_types: [department]}
  visit_days_per_month: {min: 5, roles: [city_leader]}
  squat_days: {min: 3, max: 5, level: warning}
  resolved_per_year: {min: 3, roles: [city_leader, dept_head]}
  host_burden: {window_days: 7, max_visits: 2}
  max_accompanying: {max: 5}
  topic_required: {level: warning}
  report_max_chars: {max: 12000, level: error}
"""

# --------------------------------------------------------------------------------------
# Phrase banks
# --------------------------------------------------------------------------------------

SITES = [
    "产业园区标准化厂房", "企业生产车间", "政务服务中心", "村党群服务中心", "社区养老服务站",
    "高标准农田示范区", "污水处理厂", "项目施工现场", "中小学校", "乡镇卫生院",
    "农产品加工基地", "老旧小区改造现场", "便民服务站", "河道整治工地", "物流园区",
    "科技企业孵化器", "人才公寓", "综治中心", "新时代文明实践站", "农贸市场",
]
WHO = [
    "企业负责人", "村“两委”班子成员", "基层干部群众代表", "社区网格员", "专家学者",
    "行业协会代表", "人大代表和政协委员", "种养大户", "返乡创业青年", "一线职工",
]
PRAISE = [
    "坚持以人民为中心的发展思想", "工作思路清晰、措施务实有效", "敢于破难题、善于抓落实",
    "立足资源禀赋走出了特色发展路子", "坚持问题导向和目标导向相结合",
]
INSTRUCT = [
    "进一步压实工作责任，细化工作举措", "聚焦群众急难愁盼问题，拿出更多务实管用的举措",
    "强化部门协同联动，形成工作合力", "坚持边调研边解决问题，推动调研成果转化落地",
    "建立问题清单、责任清单、整改清单，逐项抓好销号", "加强政策宣传解读，提升群众知晓率和满意度",
    "用好“四不两直”方式，掌握第一手资料", "强化要素保障，推动项目早落地、早投产、早见效",
]
ISSUES = [
    "{obj}工作推进不平衡，部分乡镇（街道）进度明显滞后",
    "{obj}相关政策宣传不到位，群众和企业知晓率不高",
    "{obj}涉及部门多、职责边界不清，存在推诿扯皮现象",
    "{obj}资金保障不足，项目前期工作推进缓慢",
    "基层人员力量薄弱、专业人才缺乏，{obj}工作难以深入",
    "{obj}数据共享不畅，信息“孤岛”问题依然存在",
    "{obj}办理时限长、材料多、跑动次数多",
    "{obj}长效机制尚未建立，存在反弹回潮风险",
    "考核评价体系不够完善，{obj}工作重过程轻结果",
    "群众对{obj}的参与度不高，获得感有待提升",
    "{obj}配套设施不完善，后期管护责任不明确",
    "{obj}政策落实“最后一公里”不畅通，惠企惠民政策兑现慢",
]
IMPACTS = [
    "影响了项目建设进度", "制约了企业扩大生产", "给群众办事带来不便", "存在一定安全隐患",
    "影响群众正常生产生活", "增加了企业经营成本", "削弱了基层干部干事创业积极性",
]
MEASURES = [
    "建立{obj}工作台账，实行清单化管理、项目化推进",
    "由{unit}牵头，会同相关部门召开专题协调会，明确责任分工和完成时限",
    "梳理{obj}相关政策，编印政策汇编，开展“政策进企业、进村社”宣讲活动{n}场次",
    "积极争取上级专项资金{m}万元，统筹用于{obj}",
    "推行“一件事一次办”，压减办理环节{n}个、申请材料{n2}项",
    "每月开展一次督查调度，对进度滞后的单位进行通报约谈",
    "建立健全{obj}长效机制，研究出台相关管理办法",
    "加强基层队伍建设，选派{n}名业务骨干下沉一线开展帮扶",
    "运用大数据手段加强监测预警，做到早发现、早处置",
    "开展“回头看”，巩固整改成果，防止问题反弹",
]
PROGRESS = [
    "已召开专题会议研究部署，明确责任分工和时间节点",
    "已完成前期摸底排查，形成问题台账",
    "整改工作正在推进，已完成总工作量的{pct}%",
    "已协调相关部门现场办公，解决具体困难{n}项",
    "相关制度文件已起草完成，正在征求意见",
    "已完成整改并组织验收，群众反映良好",
]
REPORTERS = ["群众", "企业", "村（社区）干部", "人大代表", "网格员", "12345热线来电群众", "商户"]
COUNT_WORDS = ["户", "家企业", "个村（社区）", "个项目", "名群众"]
CATEGORIES = ["营商环境", "民生保障", "基础设施", "乡村振兴", "生态环境", "社会治理",
              "产业发展", "公共服务", "安全生产", "干部作风"]
QUESTIONS = [
    "{obj}的堵点难点在哪里，如何破解？",
    "如何建立{obj}的长效机制，防止问题反弹？",
    "先进地区在{obj}方面有哪些经验做法值得借鉴？",
    "{obj}涉及哪些体制机制障碍，如何打通？",
    "如何让群众和企业在{obj}中有更多获得感？",
]
TOPIC_TITLES = [
    "关于{obj}的调研", "{obj}存在的问题及对策研究", "关于{place}{obj}情况的调查与思考",
    "推进{obj}的路径研究", "{obj}工作情况调研", "关于加快{obj}的若干思考",
]
APPROVAL_TEXTS = [
    "报告有深度、有分量，请{unit}认真研究吸收，抓好成果转化。",
    "所提建议很有针对性，请相关部门抓紧研究落实，月底前报送落实情况。",
    "调研扎实，问题找得准，对策可操作，请{unit}牵头推进。",
]
PLAN_STEPS = ["制定调研方案", "开展实地调研", "召开专题座谈会", "形成调研报告初稿", "修改完善并结题"]
EVIDENCE = [
    "《关于{obj}整改情况的报告》（{short}〔2023〕{n}号）及现场照片",
    "整改销号申请表、验收意见及群众满意度测评表",
    "相关会议纪要、整改前后对比照片",
]
UNRESOLVED = [
    "受资金和用地指标制约，尚未完全整改到位。下一步将积极争取上级支持，力争年底前完成。",
    "涉及多个部门职责，需市级层面统筹协调。已提请市领导小组研究。",
    "工程建设周期较长，目前已完成主体工程，剩余部分按计划推进。",
]
INST_TITLES = [
    "《{obj}管理办法》", "《关于进一步加强{obj}的实施意见》", "《{obj}工作规程（试行）》",
    "《{obj}考核评价办法》", "《关于建立{obj}长效机制的通知》",
]
OUT_OF_TOWN = ["浙江省湖州市", "江苏省苏州市", "广东省深圳市", "福建省晋江市", "四川省成都市",
               "山东省潍坊市", "安徽省合肥市"]
HOUSEHOLDS = ["{vil}{name}户", "{vil}脱贫户{name}家", "{ent}", "{vil}{name}家庭农场"]
BRANDS = ["恒达", "鑫源", "华联", "盛泰", "宏远", "金穗", "绿洲", "佳和", "瑞丰", "德润", "天成",
          "永盛", "嘉禾", "中兴", "新希望", "万隆", "富民", "兴农", "博远", "润泽"]
INDUSTRIES = ["食品有限公司", "物流有限公司", "纺织有限公司", "建材有限公司", "农业专业合作社",
              "电子商务有限公司", "精密制造有限公司", "生物科技有限公司"]
REPORT_INTRO = [
    "按照市委关于在全市大兴调查研究的部署要求，课题组围绕{obj}，深入{place}等地，"
    "采取座谈交流、实地走访、问卷调查、个别访谈等方式开展调研，现将有关情况报告如下。",
    "为深入贯彻落实党的二十大精神，推动{obj}取得实效，课题组于{start}至{end}开展专题调研，"
    "共召开座谈会{n}场，走访企业和村（社区）{n2}个，发放调查问卷{m}份。",
]
REPORT_PARAS = [
    "近年来，全市坚持把{obj}作为重要抓手，持续加大工作力度，取得了明显成效。"
    "截至目前，累计投入资金{m}万元，实施项目{n}个，惠及群众{n2}万人。",
    "从调研情况看，{obj}总体呈现稳中有进、进中向好的态势，但与上级要求和群众期盼相比，"
    "仍存在一些短板弱项，需要引起高度重视。",
    "调研中，基层干部群众普遍反映，{issue}，在一定程度上{impact}。",
    "分析原因，既有历史欠账较多、基础条件薄弱等客观因素，也有思想认识不到位、"
    "工作推进不够有力等主观因素。",
    "下一步，要坚持问题导向，{instruct}，{instruct2}，推动{obj}不断取得新成效。",
]
REPORT_TABLE_ROWS = ["项目数量（个）", "投入资金（万元）", "受益群众（万人）", "群众满意度（%）",
                     "办结率（%）"]
CN_NUM = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]


class Text:
    """Draws phrases from the banks with one seeded generator."""

    def __init__(self, rng: random.Random, people: People) -> None:
        self.rng = rng
        self.people = people

    def pick(self, seq: Sequence[str]) -> str:
        return seq[int(self.rng.random() * len(seq))]

    def fill(self, template: str, obj: str) -> str:
        r = self.rng
        return template.format(
            obj=obj, unit=UNIT_SHORT[self.pick(DEPARTMENTS)], n=r.randint(2, 12),
            n2=r.randint(3, 20), m=r.randint(20, 900), pct=r.randint(30, 90),
            short=self.pick(["市发改", "市住建", "市政务服务", "市农业农村", "市商务"]),
        )

    def issue(self, obj: str) -> str:
        return self.fill(self.pick(ISSUES), obj)

    def place(self) -> str:
        return UNIT_SHORT[self.pick(COUNTIES)]

    def visit_summary(self, obj: str, start: int, leader: int, method: str, place: str) -> list[str]:
        p = self.people
        s1, s2 = self.rng.sample(SITES, 2)
        para1 = (f"{CN_DAY[start]}，{p.display[leader]}{p.names[leader]}带队赴{place}，"
                 f"围绕“{obj}”开展{METHODS[method]}调研。调研组先后来到{s1}、{s2}等地，"
                 f"实地察看{obj}推进情况，并与{self.pick(WHO)}深入交流。")
        if self.rng.random() < 0.5:
            return [para1]
        i1, i2 = self.rng.sample(INSTRUCT, 2)
        para2 = (f"{p.names[leader]}指出，{self.pick(PRAISE)}，{obj}取得了阶段性成效。"
                 f"下一步要{i1}，{i2}，切实把调研成果转化为推动发展的实际成效。")
        return [para1, "", para2]

    def findings(self, obj: str, k: int) -> list[str]:
        picked = self.rng.sample(ISSUES, k)
        return [f"{CN_NUM[i]}是{self.fill(t, obj)}。" for i, t in enumerate(picked)]

    def description(self, obj: str, place: str) -> str:
        text = f"{place}{self.pick(REPORTERS)}反映，{self.issue(obj)}。"
        if self.rng.random() < 0.5:
            return text
        return (f"{text}经核实，该问题涉及{self.rng.randint(3, 260)}{self.pick(COUNT_WORDS)}，"
                f"{self.pick(IMPACTS)}。")

    def measures(self, obj: str, k: int) -> list[str]:
        picked = self.rng.sample(MEASURES, k)
        return [f"{i + 1}. {self.fill(t, obj)}{'；' if i + 1 < k else '。'}"
                for i, t in enumerate(picked)]


# --------------------------------------------------------------------------------------
# Skeleton: every record's dates and references, before any text is written
# --------------------------------------------------------------------------------------


@dataclass
class People:
    ids: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    display: list[str] = field(default_factory=list)     # title as written in text
    units: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    leaders: list[int] = field(default_factory=list)       # city_leader or dept_head
    city_leaders: list[int] = field(default_factory=list)
    dept_heads: list[int] = field(default_factory=list)
    secretaries: list[int] = field(default_factory=list)


@dataclass
class Topic:
    idx: int
    stage: int                  # 0 proposed .. 6 converted
    theme: int
    obj: str
    kind: str
    leader: int                 # -1: no leader
    lead_unit: str
    outline_on: int
    report: bool = False
    evaluated: bool = False     # reported and evaluated: may be converted (outcomes, solutions)
    outcome: bool = False
    has_visit: bool = False


@dataclass
class Visit:
    start: int
    end: int
    activity: int
    squat: bool
    leaders: list[int]
    topics: list[int]
    problems: list[int] = field(default_factory=list)


@dataclass
class Problem:
    found_on: int
    visit: int                  # -1: not from a visit
    topic: int                  # -1: none
    obj: str
    source: str
    scope: str
    handling: str
    owner_unit: str
    due: int
    closed_on: int              # -1: open
    institution: bool = False


@dataclass
class Solution:
    problems: list[int]
    due: int
    done_on: int
    owner_unit: str


@dataclass
class Institution:
    problems: list[int]
    due: int
    status: str
    kind: str
    drafting_unit: str


@dataclass
class World:
    people: People
    topics: list[Topic]
    visits: list[Visit]
    problems: list[Problem]
    solutions: list[Solution]
    institutions: list[Institution]
    report_topics: list[int]


def make_people(rng: random.Random) -> People:
    p = People()
    seen: set[str] = set()
    plan = ["city_leader"] * 11 + ["dept_head"] * 24 + ["secretary"] * 15
    for i, role in enumerate(plan):
        while True:
            (sn, sp), (gn, gp) = rng.choice(SURNAMES), rng.choice(GIVEN)
            if f"{sp}-{gp}" not in seen:
                break
        pid = f"{sp}-{gp}"
        seen.add(pid)
        if role == "city_leader":
            title, unit = CITY_LEADER_TITLES[i], "swb" if i % 2 == 0 else "zfb"
            p.city_leaders.append(i)
        elif role == "dept_head":
            unit = DEPARTMENTS[3 + (i - 11) % (len(DEPARTMENTS) - 3)]
            title = "主任" if unit in ("fgw", "wjw") else "部长" if unit in ("zzb", "xcb") else "局长"
            p.dept_heads.append(i)
        else:
            unit = "dyb" if i % 3 == 0 else rng.choice(DEPARTMENTS)
            title = rng.choice(SECRETARY_TITLES)
            p.secretaries.append(i)
        p.ids.append(pid)
        p.names.append(sn + gn)
        p.titles.append(title)
        p.display.append(UNIT_SHORT[unit] + title if role == "dept_head" else title)
        p.units.append(unit)
        p.roles.append(role)
    p.leaders = p.city_leaders + p.dept_heads
    return p


def split_counts(n: int) -> dict[str, int]:
    counts = {"topics": max(1, n * 8 // 100), "problems": max(1, n * 30 // 100),
              "solutions": max(1, n * 7 // 100), "institutions": max(1, n * 5 // 100)}
    counts["visits"] = n - sum(counts.values())
    return counts


def weighted(rng: random.Random, table: Sequence[tuple[str, float]]) -> str:
    x = rng.random()
    for value, w in table:
        x -= w
        if x < 0:
            return value
    return table[-1][0]


def make_world(rng: random.Random, counts: dict[str, int], n_reports: int) -> World:
    people = make_people(rng)

    # Topics: outlines submitted January to March; stage decides how far each got.
    topics: list[Topic] = []
    outline_days = sorted(rng.randint(day_of(1, 5), day_of(3, 31)) for _ in range(counts["topics"]))
    city_quota = {c: rng.randint(1, 2) for c in people.city_leaders}
    for i, od in enumerate(outline_days):
        theme = rng.randrange(len(THEMES))
        stage = int(weighted(rng, [("0", .03), ("1", .04), ("2", .05), ("3", .88)]))
        leader = -1
        if stage > 0:
            free = [c for c, q in city_quota.items() if q > 0]
            if free and rng.random() < 0.5:
                leader = rng.choice(free)
                city_quota[leader] -= 1
            else:
                leader = rng.choice(people.dept_heads)
        kind = weighted(rng, [("major", .2), ("special", .6), ("routine", .2)])
        lead = rng.choice(DEPARTMENTS[3:] + COUNTIES)
        topics.append(Topic(i, stage, theme, rng.choice(THEMES[theme][2]), kind, leader, lead, od))
    led = {t.leader for t in topics}
    for leader in people.city_leaders:     # every city leader leads at least one topic
        candidates = [t for t in topics if t.stage >= 1 and t.leader in people.dept_heads]
        if leader not in led and candidates:
            rng.choice(candidates).leader = leader
    researching = [t for t in topics if t.stage >= 3]
    res_days = [t.outline_on for t in researching]

    # Visits: sorted by start day, from January 9 to December 20.
    visits: list[Visit] = []
    starts = sorted(rng.randint(day_of(1, 9), day_of(12, 20)) for _ in range(counts["visits"]))
    for start in starts:
        squat = rng.random() < 0.12
        if squat:
            activity, end = 1, start + rng.randint(2, 4)
        else:
            activity = 3 if rng.random() < 0.04 else rng.choice((0, 0, 2))
            end = start + (1 if rng.random() < 0.1 else 0)
        leaders = [rng.choice(people.leaders)]
        if rng.random() < 0.15:
            other = rng.choice(people.leaders)
            if other != leaders[0]:
                leaders.append(other)
        vtopics: list[int] = []
        k = bisect.bisect_right(res_days, start)
        if k:       # every visit names a topic (rules.topic_required) once there is one
            vtopics.append(researching[rng.randrange(k)].idx)
            if rng.random() < 0.1:
                t2 = researching[rng.randrange(k)].idx
                if t2 not in vtopics:
                    vtopics.append(t2)
        visits.append(Visit(start, end, activity, squat, leaders, vtopics))
    for v in visits:
        for ti in v.topics:
            topics[ti].has_visit = True
    for t in researching:      # a topic in research has at least one visit after its outline
        if not t.has_visit and visits:
            first = bisect.bisect_left(starts, t.outline_on)
            vi = rng.randrange(first, len(visits)) if first < len(visits) else len(visits) - 1
            visits[vi].topics.append(t.idx)
            t.has_visit = True

    # Reports for some researching topics, the rest stay in research.
    pool = [t.idx for t in researching]
    report_topics = sorted(rng.sample(pool, min(n_reports, len(pool))))
    for ti in report_topics:
        topics[ti].report = True
        topics[ti].evaluated = rng.random() < 0.7
        topics[ti].outcome = topics[ti].evaluated and rng.random() < 0.65

    # Problems: most raised on a visit; sorted by the day found.
    problems: list[Problem] = []
    allow_systemic = counts["institutions"] > 0
    for k in range(counts["problems"]):
        if visits and rng.random() < 0.65:
            vi = rng.randrange(len(visits))
            v = visits[vi]
            found = clamp(v.end + rng.randint(0, 2))
            topic = rng.choice(v.topics) if v.topics else -1
            source = "research"
        else:
            vi, found, topic = -1, rng.randint(day_of(1, 10), day_of(11, 30)), -1
            source = weighted(rng, [("public", .4), ("development", .25), ("inspection", .15),
                                    ("audit", .12), ("other", .08)])
            if researching and rng.random() < 0.3:
                topic = rng.choice(researching).idx
        obj = topics[topic].obj if topic >= 0 else rng.choice(ALL_OBJECTS)
        scope = weighted(rng, [("individual", .55), ("general", .38), ("systemic", .07)])
        if scope == "systemic" and not allow_systemic:
            scope = "general"
        if scope == "systemic" and topic >= 0 and not topics[topic].evaluated:
            topic = -1          # an institution converts its topic: keep stages free of gaps
        handling = weighted(rng, [("immediate", .35), ("planned", .5), ("escalated", .08),
                                  ("long_term", .07)])
        span = {"immediate": (7, 30), "planned": (30, 120)}.get(handling, (60, 200))
        due = clamp(found + rng.randint(*span))
        p_close = {"immediate": .85, "planned": .5, "escalated": .1, "long_term": .05}[handling]
        closed = clamp(found + rng.randint(1, max(2, due - found + 20))) if rng.random() < p_close else -1
        owner = IN_SCOPE_OWNERS[k] if k < len(IN_SCOPE_OWNERS) else rng.choice(OWNER_UNITS)
        problems.append(Problem(found, vi, topic, obj, source, scope, handling, owner, due, closed))
    problems.sort(key=lambda p: p.found_on)
    for pi, p in enumerate(problems):
        if p.visit >= 0:
            visits[p.visit].problems.append(pi)

    # Solutions: each settles one to three problems, of no topic or of an evaluated one
    # (a solution converts its problems' topics).
    free = [i for i, p in enumerate(problems) if p.topic < 0 or topics[p.topic].evaluated]
    solutions: list[Solution] = []
    for _ in range(counts["solutions"]):
        picked = sorted({rng.choice(free) for _ in range(rng.choice((1, 1, 1, 2, 3)))})
        due = clamp(max(problems[i].found_on for i in picked) + rng.randint(20, 90))
        done = clamp(due - rng.randint(-10, 30)) if rng.random() < 0.6 else -1
        solutions.append(Solution(picked, due, done, problems[picked[0]].owner_unit))
    solutions.sort(key=lambda s: s.due)

    # Institutions: every systemic problem is listed by one; the rest list general ones.
    systemic = [i for i, p in enumerate(problems) if p.scope == "systemic"]
    rng.shuffle(systemic)
    n_inst = counts["institutions"]
    chunks: list[list[int]] = [[] for _ in range(n_inst)]
    for j, pi in enumerate(systemic):
        chunks[j % n_inst].append(pi)
        problems[pi].institution = True
    institutions: list[Institution] = []
    for chunk in chunks:
        ch = chunk if chunk or rng.random() >= 0.7 else [rng.choice(free)]
        latest = max((problems[i].found_on for i in ch), default=day_of(3, 1))
        due = clamp(latest + rng.randint(30, 150))
        status = weighted(rng, [("drafting", .3), ("reviewing", .25), ("issued", .45)])
        kind = weighted(rng, [("new", .6), ("revised", .35), ("abolished", .05)])
        institutions.append(Institution(sorted(ch), due, status, kind, rng.choice(DEPARTMENTS[3:])))
    institutions.sort(key=lambda s: s.due)
    return World(people, topics, visits, problems, solutions, institutions, report_topics)


# --------------------------------------------------------------------------------------
# Rendering: a record is an ordered dict of field -> inline text, or -> block lines
# --------------------------------------------------------------------------------------

Record = dict[str, "str | list[str]"]


def block(lines: list[str]) -> list[str]:
    return ["|", *lines]


def flow(items: Sequence[str]) -> str:
    return "[" + ", ".join(items) + "]"


def render(rec: Record, out: list[str]) -> None:
    prefix = "- "
    for key, value in rec.items():
        if isinstance(value, str):
            out.append(f"{prefix}{key}: {value}")
        else:
            out.append(f"{prefix}{key}: {value[0]}" if value[0] else f"{prefix}{key}:")
            out.extend("    " + line if line else "" for line in value[1:])
        prefix = "  "


class Renderer:
    def __init__(self, world: World, rng: random.Random) -> None:
        self.w = world
        self.rng = rng
        self.text = Text(rng, world.people)
        self.pid = world.people.ids

    def enum(self, table: dict[str, str], value: str) -> str:
        """The machine value, or (one time in four) the Chinese label."""
        return table[value] if self.rng.random() < 0.25 else value

    def day_after(self, day: int, lo: int, hi: int) -> str:
        return DAYS[clamp(day + self.rng.randint(lo, hi))]

    def topic(self, i: int) -> Record:
        t, r, tx = self.w.topics[i], self.rng, self.text
        rec: Record = {"id": tid(i),
                       "title": tx.pick(TOPIC_TITLES).format(obj=t.obj, place=tx.place()),
                       "theme": THEME_IDS[t.theme]}
        if t.leader >= 0:
            rec["leader"] = self.pid[t.leader]
        rec["lead_unit"] = t.lead_unit
        rec["units"] = flow(sorted(set(r.sample(DEPARTMENTS[3:], r.randint(1, 3)))))
        rec["team"] = flow([self.pid[s] for s in r.sample(self.w.people.secretaries, 2)])
        rec["kind"] = self.enum(TOPIC_KIND, t.kind)
        if r.random() < 0.15:
            rec["case"] = self.enum(TOPIC_CASE, r.choice(("positive", "negative")))
        qs = r.sample(QUESTIONS, r.randint(2, 3))
        rec["questions"] = ["", *(f"- {q.format(obj=t.obj)}" for q in qs)]
        rec["methods"] = flow([self.enum(METHODS, m) for m in r.sample(
            ["symposium", "field_visit", "questionnaire", "interview", "data_analysis",
             "expert_consultation"], r.randint(2, 4))])
        rec["sites"] = flow([UNIT_SHORT[u] for u in r.sample(COUNTIES, r.randint(1, 3))])
        if t.stage >= 2:
            rec["outline"] = f"{{submitted_on: {DAYS[t.outline_on]}, approved_on: " \
                             f"{self.day_after(t.outline_on, 2, 12)}}}"
        if t.stage >= 1:
            plan = [""]
            due = t.outline_on
            for step in PLAN_STEPS[: r.randint(3, 5)]:
                due = clamp(due + r.randint(20, 60))
                plan.append(f"- title: {step}")
                plan.append(f"  due: {DAYS[due]}")
                if t.stage >= 3 and (t.report or due < day_of(8, 1)):
                    plan.append(f"  done_on: {self.day_after(due, -10, 3)}")
            rec["plan"] = plan
        if t.report:
            rec["report"] = f"reports/{tid(i)}.md"
            if t.evaluated:
                aw = r.randint(day_of(11, 1), day_of(12, 20))
                grade = weighted(r, [("excellent", .25), ("good", .5), ("pass", .25)])
                score = {"excellent": (90, 98), "good": (80, 89), "pass": (65, 79)}[grade]
                rec["evaluation"] = (f"{{score: {r.randint(*score)}, grade: {self.enum(GRADE, grade)}, "
                                     f"awarded_on: {DAYS[aw]}, by: {self.pid[r.choice(self.w.people.city_leaders)]}}}")
                if r.random() < 0.5:
                    on = r.randint(day_of(10, 1), day_of(12, 25))
                    text = r.choice(APPROVAL_TEXTS).format(unit=UNIT_SHORT[t.lead_unit])
                    rec["approvals"] = ["", f"- by: {self.pid[r.choice(self.w.people.city_leaders)]}",
                                        f"  on: {DAYS[on]}", f"  text: {text}"]
                if t.outcome:
                    on = r.randint(aw, N_DAYS - 1)
                    kind = r.choice(list(OUTCOME_KIND))
                    form = r.choice(list(OUTCOME_FORM))
                    rec["outcomes"] = ["", f"- kind: {self.enum(OUTCOME_KIND, kind)}",
                                       f"  form: {self.enum(OUTCOME_FORM, form)}",
                                       f"  title: {r.choice(INST_TITLES).format(obj=t.obj)}",
                                       f"  on: {DAYS[on]}",
                                       f"  ref: {UNIT_SHORT[t.lead_unit]}〔2023〕{r.randint(1, 99)}号"]
        return rec

    def visit(self, i: int) -> Record:
        v, r, tx = self.w.visits[i], self.rng, self.text
        rec: Record = {"id": vid(i)}
        if v.end == v.start and r.random() < 0.8:
            rec["date"] = DAYS[v.start]
        else:
            rec["start"] = DAYS[v.start]
            rec["end"] = DAYS[clamp(v.end)]
        rec["leaders"] = flow([self.pid[x] for x in v.leaders])
        if r.random() < 0.7:
            rec["participants"] = flow([self.pid[s] for s in r.sample(self.w.people.secretaries,
                                                                       r.randint(1, 3))])
        rec["topics"] = flow([tid(t) for t in v.topics])
        rec["activity"] = ACTIVITIES[v.activity][0]
        if v.activity == 3:
            hosts = [r.choice(OUT_OF_TOWN)]
            place = hosts[0]
        else:
            host = r.choice(HOST_UNITS)
            hosts, place = [host], UNIT_NAME[host]
            if r.random() < 0.35:
                vil = r.choice(GRASSROOTS)
                hosts.append(r.choice(HOUSEHOLDS).format(
                    vil=UNIT_SHORT[vil], name=r.choice(SURNAMES)[0] + r.choice(GIVEN)[0],
                    ent=UNIT_SHORT[r.choice(COUNTIES)] + r.choice(BRANDS) + r.choice(INDUSTRIES)))
        rec["hosts"] = flow(hosts)
        site = "生产车间" if UNIT_TYPE.get(hosts[0]) == "enterprise" else r.choice(SITES)
        rec["location"] = f"{place}{site}"
        if r.random() < 0.12:
            rec["filed"] = "true" if r.random() < 0.7 else "false"
        if v.squat:
            methods = ["squat", "symposium", "field_visit"]
        elif v.activity == 3:
            methods = ["out_of_town", "symposium"]
        else:
            methods = r.sample(["symposium", "field_visit", "interview", "questionnaire",
                                "unannounced", "random", "data_analysis"], r.randint(1, 3))
        rec["methods"] = flow([self.enum(METHODS, m) for m in methods])
        rec["accompanying"] = str(r.randint(0, 5))
        obj = self.w.topics[v.topics[0]].obj if v.topics else r.choice(ALL_OBJECTS)
        rec["summary"] = block(tx.visit_summary(obj, v.start, v.leaders[0], methods[0], place))
        rec["findings"] = block(tx.findings(obj, r.randint(1, 3)))
        if v.problems:
            rec["problems"] = flow([pid(p) for p in v.problems])
        if v.squat:
            days = list(range(v.start, v.end + 1))
            parts = []
            for key in ("party_lecture", "symposium", "visit", "good_deed", "diary"):
                parts.append(f"{key}: {DAYS[r.choice(days)]}" if r.random() < 0.85 else f"{key}: false")
            rec["five_ones"] = "{" + ", ".join(parts) + "}"
        if r.random() < 0.01:
            rec["classification"] = "内部"
        return rec

    def problem(self, i: int) -> Record:
        p, r, tx = self.w.problems[i], self.rng, self.text
        rec: Record = {"id": pid(i),
                       "title": f"{UNIT_SHORT[p.owner_unit]}{tx.issue(p.obj).split('，')[0]}",
                       "description": tx.description(p.obj, UNIT_NAME[p.owner_unit]
                                                     if UNIT_TYPE[p.owner_unit] != "department"
                                                     else tx.place()),
                       "found_on": DAYS[p.found_on],
                       "source": self.enum(SOURCE, p.source)}
        if p.topic >= 0:
            rec["topic"] = tid(p.topic)
        if p.visit >= 0:
            rec["visits"] = flow([vid(p.visit)])
            rec["reported_by"] = self.pid[self.w.visits[p.visit].leaders[0]]
        rec["category"] = r.choice(CATEGORIES)
        rec["scope"] = self.enum(SCOPE, p.scope)
        rec["handling"] = self.enum(HANDLING, p.handling)
        rec["owner_unit"] = p.owner_unit
        heads = [x for x in self.w.people.dept_heads if self.w.people.units[x] == p.owner_unit]
        rec["owner"] = self.pid[heads[0]] if heads else f"{r.choice(SURNAMES)[0]}某某"
        rec["lead_leader"] = self.pid[r.choice(self.w.people.city_leaders)]
        if r.random() < 0.3:
            rec["co_units"] = flow(r.sample(DEPARTMENTS[3:], r.randint(1, 2)))
        rec["measures"] = block(tx.measures(p.obj, r.randint(2, 3)))
        rec["done_criteria"] = f"{p.obj}相关问题全部整改到位，群众满意度达到90%以上"
        rec["due"] = DAYS[p.due]
        last = p.closed_on if p.closed_on >= 0 else min(N_DAYS - 1, p.found_on + 90)
        n_prog = r.randint(0, 3)
        if n_prog and last > p.found_on:
            prog = [""]
            for d in sorted(r.randint(p.found_on, last) for _ in range(n_prog)):
                prog += [f"- on: {DAYS[d]}", f"  text: {tx.fill(r.choice(PROGRESS[:5]), p.obj)}"]
            rec["progress"] = prog
        if p.closed_on >= 0:
            rec["closed_on"] = DAYS[p.closed_on]
            rec["closed_by"] = self.pid[r.choice(self.w.people.leaders)]
            rec["evidence"] = tx.fill(r.choice(EVIDENCE), p.obj)
        elif p.due < day_of(10, 1) and r.random() < 0.5:
            rec["unresolved_reason"] = r.choice(UNRESOLVED)
        if r.random() < 0.1:
            rec["extra"] = ["", f"台账编号: TZ-{YEAR}-{i + 1:05d}", f"备注: {r.choice(['市领导批示件', '巡察移交', '12345热线转办'])}"]
        return rec

    def solution(self, i: int) -> Record:
        s, r, tx = self.w.solutions[i], self.rng, self.text
        obj = self.w.problems[s.problems[0]].obj
        rec: Record = {"id": sid(i), "title": f"{UNIT_SHORT[s.owner_unit]}{obj}问题整改",
                       "problems": flow([pid(p) for p in s.problems]),
                       "measures": block(tx.measures(obj, r.randint(2, 4))),
                       "owner_unit": s.owner_unit,
                       "owner": f"{r.choice(SURNAMES)[0]}某某",
                       "due": DAYS[s.due]}
        if s.done_on >= 0:
            rec["done_on"] = DAYS[s.done_on]
            rec["evidence"] = tx.fill(r.choice(EVIDENCE), obj)
        return rec

    def institution(self, i: int) -> Record:
        s, r = self.w.institutions[i], self.rng
        obj = self.w.problems[s.problems[0]].obj if s.problems else r.choice(ALL_OBJECTS)
        rec: Record = {"id": iid(i), "title": r.choice(INST_TITLES).format(obj=obj),
                       "kind": self.enum(INST_KIND, s.kind)}
        if s.problems:
            rec["problems"] = flow([pid(p) for p in s.problems])
        rec["drafting_unit"] = s.drafting_unit
        rec["due"] = DAYS[s.due]
        if s.status == "issued":
            rec["issued_on"] = DAYS[clamp(s.due - r.randint(0, 20))]
            rec["doc_number"] = f"{UNIT_SHORT[s.drafting_unit].removeprefix('市')}〔2023〕{r.randint(1, 120)}号"
        rec["status"] = self.enum(INST_STATUS, s.status)
        return rec


class FlatRenderer(Renderer):
    """Short, flat records (``--shape flat``): a handful of scalar fields each, at most one or
    two references in a flow list, no free-text blocks; the one nested value is a topic's
    ``outline: {submitted_on: …}``, without which its stages would have a gap.  The world (ids,
    dates, references) is the rich shape's; only what is written of each record differs, so
    the YAML parse floor is cheap and dytool's own per-record costs show.  Every field a
    seeded error needs (``location``, ``evidence``, ``kind``, ``found_on``, …) is kept."""

    def topic(self, i: int) -> Record:
        t = self.w.topics[i]
        rec: Record = {"id": tid(i), "title": f"{t.obj}调研"}
        if t.leader >= 0:
            rec["leader"] = self.pid[t.leader]
        rec["lead_unit"] = t.lead_unit
        rec["kind"] = self.enum(TOPIC_KIND, t.kind)
        if t.stage >= 2:        # the one nested value: without it a topic skips a stage
            rec["outline"] = f"{{submitted_on: {DAYS[t.outline_on]}}}"
        if t.report:
            rec["report"] = f"reports/{tid(i)}.md"
        return rec

    def visit(self, i: int) -> Record:
        v, r = self.w.visits[i], self.rng
        rec: Record = {"id": vid(i)}
        if v.end == v.start:
            rec["date"] = DAYS[v.start]
        else:
            rec["start"] = DAYS[v.start]
            rec["end"] = DAYS[clamp(v.end)]
        rec["leaders"] = flow([self.pid[v.leaders[0]]])
        if v.topics:
            rec["topics"] = flow([tid(t) for t in v.topics])
        rec["location"] = UNIT_SHORT[r.choice(HOST_UNITS)]
        return rec

    def problem(self, i: int) -> Record:
        p, r = self.w.problems[i], self.rng
        rec: Record = {"id": pid(i), "title": f"{UNIT_SHORT[p.owner_unit]}{p.obj}问题",
                       "found_on": DAYS[p.found_on], "owner_unit": p.owner_unit,
                       "due": DAYS[p.due]}
        if p.closed_on >= 0:
            rec["closed_on"] = DAYS[p.closed_on]
            rec["evidence"] = r.choice(("整改报告及现场照片", "验收意见", "会议纪要"))
        return rec

    def solution(self, i: int) -> Record:
        s = self.w.solutions[i]
        obj = self.w.problems[s.problems[0]].obj
        rec: Record = {"id": sid(i), "title": f"{UNIT_SHORT[s.owner_unit]}{obj}整改",
                       "problems": flow([pid(s.problems[0])]),
                       "owner_unit": s.owner_unit, "due": DAYS[s.due]}
        if s.done_on >= 0:
            rec["done_on"] = DAYS[s.done_on]
        return rec

    def institution(self, i: int) -> Record:
        s, r = self.w.institutions[i], self.rng
        obj = self.w.problems[s.problems[0]].obj if s.problems else r.choice(ALL_OBJECTS)
        rec: Record = {"id": iid(i), "title": f"{obj}管理办法", "kind": s.kind}
        if s.problems:
            rec["problems"] = flow([pid(p) for p in s.problems[:2]])
        rec["due"] = DAYS[s.due]
        if s.status == "issued":
            rec["issued_on"] = DAYS[clamp(s.due - r.randint(0, 20))]
        rec["status"] = s.status
        return rec


def tid(i: int) -> str:
    return f"T-{i + 1:06d}"


def vid(i: int) -> str:
    return f"V-{i + 1:06d}"


def pid(i: int) -> str:
    return f"P-{i + 1:06d}"


def sid(i: int) -> str:
    return f"S-{i + 1:06d}"


def iid(i: int) -> str:
    return f"I-{i + 1:06d}"


# --------------------------------------------------------------------------------------
# Fixed files: campaign.yaml, people.yaml, units.yaml, preface.md
# --------------------------------------------------------------------------------------


MARKER = "# 2023年大兴调查研究活动（合成基准数据，由 benchmarks/generate.py 生成）"


def generated_here(out: Path) -> bool:
    """True when out holds a campaign this script wrote (its first line is MARKER)."""
    try:
        with (out / "campaign.yaml").open(encoding="utf-8") as f:
            return f.readline().rstrip("\n") == MARKER
    except (OSError, UnicodeDecodeError):
        return False


def campaign_yaml(people: People) -> str:
    pid_ = people.ids
    cl, dh, sec = people.city_leaders, people.dept_heads, people.secretaries
    lines = [
        MARKER,
        "id: dxdy-2023",
        "title: 2023年大兴调查研究活动",
        "issuer: 中共某某市委办公室",
        "doc_number: 某办发〔2023〕12号",
        "issued_on: 2023-02-20",
        "level: city",
        "period:",
        "  start: 2023-01-01",
        "  end: 2023-12-31",
        "language: zh-CN",
        "due_soon_days: 7",
        "stale_days: 30",
        "calendar: cn",
        "id_style: serial",
        "classification: 内部资料",
        "lead_office: dyb",
        "leading_group:",
        f"  - {{person: {pid_[cl[0]]}, role: 组长}}",
        f"  - {{person: {pid_[cl[1]]}, role: 副组长}}",
        f"  - {{person: {pid_[cl[2]]}, role: 副组长}}",
        *(f"  - {{person: {pid_[x]}, role: 成员}}" for x in dh[:8]),
        "themes:",
    ]
    for theme_id, title, objs in THEMES:
        lines += [f"  - id: {theme_id}", f"    title: {title}",
                  f"    description: 围绕{objs[0]}、{objs[1]}、{objs[2]}等开展调研，提出对策建议"]
    lines.append("activities:")
    for act_id, title, unit, desc in ACTIVITIES:
        lines += [f"  - id: {act_id}", f"    title: {title}", f"    lead_unit: {unit}",
                  f"    description: {desc}"]
    lines += [
        "stages:",
        "  - {id: deploy, title: 动员部署, start: 2023-02-20, end: 2023-03-15, "
        "description: 制定实施方案，召开动员部署会议}",
        "  - {id: research, title: 调查研究, start: 2023-03-16, end: 2023-10-31, "
        "description: 领导领题、深入基层开展调研}",
        "  - {id: solve, title: 攻坚破题, start: 2023-05-01, end: 2023-11-30, "
        "description: 边调研边解决问题，建立问题清单、整改清单、制度清单}",
        "  - {id: exchange, title: 交流结题, start: 2023-11-01, end: 2023-12-31, "
        "description: 召开调研成果交流会，评审优秀调研成果}",
        "milestones:",
        "  - id: plan",
        "    title: 印发大兴调查研究实施方案",
        "    due: 2023-03-15",
        "    done_on: 2023-03-10",
        "    owner: dyb",
        "    evidence: 某办发〔2023〕12号",
        "  - id: outlines",
        "    title: 各课题报送调研提纲",
        "    due: 2023-04-30",
        "    owner: dyb",
        "    requires: topic_outline",
        "    applies_to: {topic_kinds: [major, 专项调研]}",
        "  - id: leaders-claim",
        "    title: 市领导领题",
        "    due: 2023-04-15",
        "    done_on: 2023-04-12",
        f"    owner: {pid_[cl[0]]}",
        "    requires: leader_topics",
        "    applies_to: {roles: [city_leader]}",
        "  - id: problem-lists",
        "    title: 各县（市、区）、乡镇（街道）报送问题清单",
        "    due: 2023-06-30",
        "    owner: dyb",
        "    requires: problem_lists",
        "    applies_to: {unit_types: [county, district, 乡镇(街道)]}",
        "  - id: reports",
        "    title: 重大课题形成调研报告",
        "    due: 2023-11-15",
        "    owner: zys",
        "    requires: topic_report",
        "    applies_to: {topic_kinds: [major]}",
        "  - id: exchange-meeting",
        "    title: 召开调研成果交流会",
        "    due: 2023-12-20",
        "    owner: dyb",
        "recurring:",
        "  - id: monthly-info",
        "    title: 报送大兴调查研究工作动态信息",
        "    rule: 每月5日前",
        "    owner: dyb",
        "    submissions:",
    ]
    for m in range(1, 12):
        on = dt.date(YEAR, m + 1, 3 + m % 4).isoformat()
        lines.append(f"      - {{period: '{YEAR}-{m:02d}', on: {on}}}" if m % 3 else f"      - {on}")
    lines += ["  - id: quarterly-report", "    title: 报送督查专报", "    rule: 每季度末",
              "    owner: zys", "    submissions:",
              "      - {period: 2023-Q1, on: 2023-03-30}", "      - {period: 2023-Q2, on: 2023-07-03}",
              "      - {period: 2023-Q3, on: 2023-09-28}",
              "  - id: diary", "    title: 沉底问政民情日记报送",
              "    rule: RRULE:FREQ=MONTHLY;BYMONTHDAY=10", f"    owner: {pid_[sec[0]]}",
              "    submissions: [2023-04-08, 2023-05-10, 2023-06-09, 2023-07-12, 2023-08-10]"]
    lines += RULES_YAML.rstrip("\n").split("\n")
    lines += [
        "compilation:",
        "  title: 2023年大兴调查研究优秀成果汇编",
        "  subtitle: 市领导领题调研报告",
        "  preface: preface.md",
        "  order: leader_rank",
        "  classification: 内部资料 注意保存",
        "  append: [problems, solutions, institutions]",
    ]
    return "\n".join(lines) + "\n"


def people_yaml(p: People) -> str:
    lines = ["# 人员：领导和工作人员"]
    for i, person_id in enumerate(p.ids):
        mobile = f"1{3 + i % 6}{(i * 7919) % 10**9:09d}"
        lines += [f"- id: {person_id}", f"  name: {p.names[i]}", f"  title: {p.titles[i]}",
                  f"  unit: {p.units[i]}", f"  rank: {i + 1}", f"  roles: [{p.roles[i]}]",
                  f"  contact: 办公电话 0571-8{i:03d}2345，手机 {mobile}"]
    return "\n".join(lines) + "\n"


def units_yaml() -> str:
    lines = ["# 单位"]
    for i, (uid, name, short, utype, parent) in enumerate(UNITS):
        lines += [f"- id: {uid}", f"  name: {name}", f"  short_name: {short}",
                  f"  type: {UNIT_TYPES_ZH[utype] if i % 4 == 3 else utype}"]
        if parent:
            lines.append(f"  parent: {parent}")
    return "\n".join(lines) + "\n"


UNIT_TYPES_ZH = {"department": "部门", "county": "县(市)", "district": "区", "township": "乡镇(街道)",
                 "village": "村(社区)", "enterprise": "企业", "community": "社区", "other": "其他"}

PREFACE = """\
# 前言

2023年，全市上下认真贯彻落实党中央关于在全党大兴调查研究的决策部署，市领导带头领题调研，
各地各部门聚焦高质量发展和群众急难愁盼问题，形成了一批有分量、有价值的调研成果。
现将优秀调研报告汇编成册，供各级领导干部学习参考。
"""


def report_md(rnd: Renderer, ti: int, topic_field: str) -> str:
    w, r, tx = rnd.w, rnd.rng, rnd.text
    t = w.topics[ti]
    day = r.randint(day_of(9, 1), day_of(11, 30))
    authors = ([w.people.ids[t.leader]] if t.leader >= 0 else []) + \
        [w.people.ids[s] for s in r.sample(w.people.secretaries, 2)]
    title = f"关于{t.obj}的调研报告"
    out = ["---", f"topic: {topic_field}", f"title: {title}", f"authors: {flow(authors)}",
           f"unit: {t.lead_unit}", f"date: {DAYS[day]}",
           f"abstract: 课题组围绕{t.obj}深入开展调研，梳理存在的主要问题，提出{r.randint(3, 6)}方面对策建议。",
           "---", "", f"# {title}", ""]

    def para(template: str, issue: str = "") -> str:
        i1, i2 = r.sample(INSTRUCT, 2)
        return template.format(obj=t.obj, place=tx.place(), start=CN_DAY[t.outline_on],
                               end=CN_DAY[day], n=r.randint(3, 30), n2=r.randint(5, 60),
                               m=r.randint(200, 3000), issue=issue, impact=r.choice(IMPACTS),
                               instruct=i1, instruct2=i2)

    out += [para(r.choice(REPORT_INTRO)), "", "## 一、基本情况", "", para(REPORT_PARAS[0]), "",
            para(REPORT_PARAS[1]), "", f"表1  {t.obj}主要指标", "",
            "| 指标 | 2021年 | 2022年 | 2023年上半年 |", "|---|---:|---:|---:|"]
    for row in r.sample(REPORT_TABLE_ROWS, 4):
        lo, hi = (60, 99) if "%" in row else (10, 900)
        out.append(f"| {row} | {r.randint(lo, hi)} | {r.randint(lo, hi)} | {r.randint(lo, hi)} |")
    out += ["", "## 二、存在的主要问题", ""]
    for k, template in enumerate(r.sample(ISSUES, r.randint(3, 4))):
        issue = tx.fill(template, t.obj)
        out += [f"### （{CN_NUM[k]}）{issue.split('，')[0]}", "", para(REPORT_PARAS[2], issue), ""]
        if k == 0:
            out += [para(REPORT_PARAS[3]), ""]
    out += ["## 三、对策建议", ""]
    for k, template in enumerate(r.sample(MEASURES, r.randint(3, 5))):
        m = tx.fill(template, t.obj)
        out += [f"### （{CN_NUM[k]}）{m.split('，')[0]}", "",
                f"{m}。{r.choice(INSTRUCT)}，确保各项措施落地见效。", ""]
    out.append(para(REPORT_PARAS[4]))
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------
# Deliberate errors
# --------------------------------------------------------------------------------------

ERROR_KINDS = [
    "dangling_reference", "duplicate_id", "unknown_field", "closed_without_evidence",
    "end_before_start", "bad_date", "missing_required", "wrong_kind_reference",
    "bad_enum", "bad_date_phrase", "wrong_type", "report_topic_mismatch", "path_outside",
    "tab_indent", "fullwidth_colon", "gb18030_file",
]
FILE_ERRORS = {"tab_indent", "fullwidth_colon", "gb18030_file"}

# record-level: kind -> (record kind, mutate(rec, world) -> (line key, message))
Mutator = Callable[[Record, World], tuple[str, str]]


def replace_keys(rec: Record, old: str, new: dict[str, str | list[str]]) -> None:
    items = list(rec.items())
    rec.clear()
    for k, v in items:
        if k == old:
            rec.update(new)
        else:
            rec[k] = v


def m_dangling(rec: Record, w: World) -> tuple[str, str]:
    ghost = tid(len(w.topics))
    topics = str(rec.get("topics", "[]"))[1:-1]
    rec["topics"] = f"[{topics}, {ghost}]" if topics else f"[{ghost}]"
    return "topics", f"visit {rec['id']} names topic {ghost}, which does not exist"


def m_unknown(rec: Record, w: World) -> tuple[str, str]:
    replace_keys(rec, "location", {"loction": rec["location"]})
    return "loction", f"visit {rec['id']} has unknown field 'loction' (typo of location)"


def m_no_evidence(rec: Record, w: World) -> tuple[str, str]:
    del rec["evidence"]
    return "closed_on", f"problem {rec['id']} is closed without evidence"


def m_end_before(rec: Record, w: World) -> tuple[str, str]:
    first = str(rec.get("date", rec.get("start")))
    end = (dt.date.fromisoformat(first) - dt.timedelta(days=3)).isoformat()
    key = "date" if "date" in rec else "start"
    rec.pop("end", None)
    replace_keys(rec, key, {"start": first, "end": end})
    return "end", f"visit {rec['id']} ends ({end}) before it starts ({first})"


def m_bad_date(rec: Record, w: World) -> tuple[str, str]:
    rec["due"] = "2023-02-30"
    return "due", f"problem {rec['id']} has due 2023-02-30, a day that does not exist"


def m_missing(rec: Record, w: World) -> tuple[str, str]:
    del rec["leaders"]
    return "id", f"visit {rec['id']} lacks the required field leaders"


def m_wrong_kind(rec: Record, w: World) -> tuple[str, str]:
    target = vid(len(w.visits) // 2)
    if "topic" in rec:
        rec["topic"] = target
    else:
        replace_keys(rec, "found_on", {"found_on": rec["found_on"], "topic": target})
    return "topic", f"problem {rec['id']} topic names {target}, a visit"


def m_bad_enum(rec: Record, w: World) -> tuple[str, str]:
    rec["methods"] = "[座谈, 实地走访]"
    return "methods", f"visit {rec['id']} has method 座谈, neither a method nor its label"


def m_bad_phrase(rec: Record, w: World) -> tuple[str, str]:
    rec["due"] = "尽快"
    return "due", f"problem {rec['id']} has due 尽快, not a date phrase"


def m_wrong_type(rec: Record, w: World) -> tuple[str, str]:
    rec["accompanying"] = "若干"
    return "accompanying", f"visit {rec['id']} has accompanying 若干, not a number"


def m_path_outside(rec: Record, w: World) -> tuple[str, str]:
    path = f"../outside/{rec['id']}.md"
    replace_keys(rec, "kind", {"kind": rec["kind"], "report": path})
    return "report", f"topic {rec['id']} report {path} leaves the repository"


def dup_source(i: int, n: int) -> int:
    """The earlier institution whose id institution i (in the second half) takes."""
    return i - n // 2


def m_duplicate(rec: Record, w: World) -> tuple[str, str]:
    dup = iid(dup_source(int(str(rec["id"])[2:]) - 1, len(w.institutions)))
    message = f"institution {rec['id']} renamed to {dup}, the id of an earlier institution"
    rec["id"] = dup
    return "id", message


MUTATORS: dict[str, tuple[str, Mutator]] = {
    "dangling_reference": ("visits", m_dangling),
    "unknown_field": ("visits", m_unknown),
    "closed_without_evidence": ("problems", m_no_evidence),
    "end_before_start": ("visits", m_end_before),
    "bad_date": ("problems", m_bad_date),
    "missing_required": ("visits", m_missing),
    "wrong_kind_reference": ("problems", m_wrong_kind),
    "bad_enum": ("visits", m_bad_enum),
    "bad_date_phrase": ("problems", m_bad_phrase),
    "wrong_type": ("visits", m_wrong_type),
    "path_outside": ("topics", m_path_outside),
    "duplicate_id": ("institutions", m_duplicate),
}


@dataclass
class Seeded:
    kind: str
    path: str = ""
    line: int = 0
    span: tuple[int, int] = (0, 0)
    message: str = ""
    also: list[tuple[str, int]] = field(default_factory=list)   # other fair places to report it


@dataclass
class ErrorPlan:
    records: dict[tuple[str, int], str] = field(default_factory=dict)     # (kind, idx) -> error
    files: dict[tuple[str, int], str] = field(default_factory=dict)       # (kind, file no) -> error
    reports: dict[int, int] = field(default_factory=dict)                 # topic -> wrong topic
    found: list[Seeded] = field(default_factory=list)
    # records whose line (of the given key) the manifest names as a second place
    watch: dict[tuple[str, int], str] = field(default_factory=dict)
    where: dict[tuple[str, int], tuple[str, int]] = field(default_factory=dict)


def plan_errors(k: int, seed: int, w: World, n_files: dict[str, int]) -> ErrorPlan:
    rng = random.Random(seed * 7919 + 17)
    plan = ErrorPlan()
    sizes = {"visits": len(w.visits), "problems": len(w.problems), "topics": len(w.topics),
             "institutions": len(w.institutions)}
    reported = set(w.report_topics)

    def eligible(kind: str, error: str, i: int) -> bool:
        if (kind, i) in plan.records:
            return False
        if error == "closed_without_evidence":
            return w.problems[i].closed_on >= 0
        if error == "end_before_start":
            return w.visits[i].start >= 5
        if error == "path_outside":
            return i not in reported
        if error == "duplicate_id":
            return i >= max(1, sizes[kind] // 2)
        return True

    for n in range(k):
        error = ERROR_KINDS[n % len(ERROR_KINDS)]
        placed = False
        for _ in range(200):
            if error in FILE_ERRORS:
                f = rng.randrange(n_files["solutions"])
                if ("solutions", f) not in plan.files:
                    plan.files[("solutions", f)] = error
                    placed = True
            elif error == "report_topic_mismatch":
                free = [t for t in range(len(w.topics)) if t not in reported]
                cand = [t for t in w.report_topics if t not in plan.reports]
                if free and cand:
                    ti = rng.choice(cand)
                    plan.reports[ti] = rng.choice(free)
                    plan.watch[("topics", ti)] = "report"
                    placed = True
            else:
                kind, _ = MUTATORS[error]
                i = rng.randrange(sizes[kind]) if sizes[kind] else -1
                if i >= 0 and eligible(kind, error, i):
                    plan.records[(kind, i)] = error
                    if error == "duplicate_id":
                        plan.watch[(kind, dup_source(i, sizes[kind]))] = "id"
                    placed = True
            if placed:
                break
        if not placed:
            print(f"note: no place left for error #{n + 1} ({error}); skipped", file=sys.stderr)
    return plan


def corrupt_file(error: str, lines: list[str]) -> tuple[int, str, bytes | None]:
    """Return (1-based line, message, bytes to write instead of UTF-8 or None)."""
    starts = [i for i, x in enumerate(lines) if x.startswith("- id: ")]
    rec = starts[len(starts) // 2]
    if error == "tab_indent":
        i = next(j for j in range(rec, len(lines)) if lines[j].startswith("  title: "))
        lines[i] = "\t" + lines[i][2:]
        return i + 1, "a tab used for indentation", None
    if error == "fullwidth_colon":
        i = next(j for j in range(rec, len(lines)) if lines[j].startswith("  owner_unit: "))
        lines[i] = lines[i].replace("owner_unit: ", "owner_unit： ", 1)
        return i + 1, "a full-width colon ： after the key owner_unit", None
    data = ("\n".join(lines) + "\n").encode("gb18030")
    first = next(j for j, x in enumerate(lines) if not x.isascii())
    return first + 1, "the file is encoded in GB18030, not UTF-8", data


# --------------------------------------------------------------------------------------
# Writing the repository
# --------------------------------------------------------------------------------------

KINDS = ["topics", "visits", "problems", "solutions", "institutions"]


def chunk_bounds(n: int, parts: int) -> list[tuple[int, int]]:
    parts = max(1, min(parts, n))
    q, rem = divmod(n, parts)
    bounds, lo = [], 0
    for i in range(parts):
        hi = lo + q + (1 if i < rem else 0)
        bounds.append((lo, hi))
        lo = hi
    return bounds


def files_per_kind(counts: dict[str, int], n_files: int) -> dict[str, int]:
    total = sum(counts.values())
    return {k: max(1, min(counts[k], round(n_files * counts[k] / total))) for k in KINDS}


def first_day(w: World, kind: str, i: int) -> int:
    if kind == "topics":
        return w.topics[i].outline_on
    if kind == "visits":
        return w.visits[i].start
    if kind == "problems":
        return w.problems[i].found_on
    if kind == "solutions":
        return w.solutions[i].due
    return w.institutions[i].due


@dataclass
class Stats:
    files: dict[str, int] = field(default_factory=dict)
    size: dict[str, int] = field(default_factory=dict)

    def add(self, group: str, n_bytes: int) -> None:
        self.files[group] = self.files.get(group, 0) + 1
        self.size[group] = self.size.get(group, 0) + n_bytes


def find_key(lines: list[str], start: int, key: str) -> int:
    """1-based number of the line at or after start that holds the record's key."""
    return 1 + next(j for j in range(start, len(lines)) if lines[j][2:].startswith(key + ":"))


def write(path: Path, data: str | bytes, stats: Stats, group: str) -> None:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    path.write_bytes(raw)
    stats.add(group, len(raw))


SHAPES: dict[str, type[Renderer]] = {"rich": Renderer, "flat": FlatRenderer}


def generate(out: Path, records: int, n_files: int, seed: int, errors: int,
             n_reports: int | None, shape: str = "rich") -> tuple[Stats, list[Seeded]]:
    rng = random.Random(seed)
    counts = split_counts(records)
    if n_reports is None:
        n_reports = min(500, counts["topics"] * 35 // 100)
    world = make_world(rng, counts, n_reports)
    per_kind = files_per_kind(counts, n_files)
    plan = plan_errors(errors, seed, world, per_kind)
    rnd = SHAPES[shape](world, random.Random(seed + 1))
    stats = Stats()

    out.mkdir(parents=True, exist_ok=True)
    for sub in [*KINDS, "reports"]:
        (out / sub).mkdir(exist_ok=True)
    write(out / "campaign.yaml", campaign_yaml(world.people), stats, "campaign/people/units")
    write(out / "people.yaml", people_yaml(world.people), stats, "campaign/people/units")
    write(out / "units.yaml", units_yaml(), stats, "campaign/people/units")
    write(out / "preface.md", PREFACE, stats, "campaign/people/units")

    render_one: dict[str, Callable[[int], Record]] = {
        "topics": rnd.topic, "visits": rnd.visit, "problems": rnd.problem,
        "solutions": rnd.solution, "institutions": rnd.institution}
    for kind in KINDS:
        for fno, (lo, hi) in enumerate(chunk_bounds(counts[kind], per_kind[kind])):
            month = DAYS[first_day(world, kind, lo)][:7]
            rel = f"{kind}/{month}-{fno + 1:04d}.yaml"
            lines: list[str] = []
            for i in range(lo, hi):
                rec = render_one[kind](i)
                error = plan.records.get((kind, i))
                start = len(lines)
                if error:
                    key, message = MUTATORS[error][1](rec, world)
                render(rec, lines)
                if error:
                    at = find_key(lines, start, key)
                    seeded = Seeded(error, rel, at, (start + 1, len(lines)), message)
                    if error == "duplicate_id":
                        seeded.also.append(plan.where[(kind, dup_source(i, counts[kind]))])
                    plan.found.append(seeded)
                watched = plan.watch.get((kind, i))
                if watched:
                    plan.where[(kind, i)] = (rel, find_key(lines, start, watched))
            file_error = plan.files.get((kind, fno))
            data: str | bytes = "\n".join(lines) + "\n"
            if file_error:
                line, message, raw = corrupt_file(file_error, lines)
                data = raw if raw is not None else "\n".join(lines) + "\n"
                plan.found.append(Seeded(file_error, rel, line, (1, len(lines)), message))
            write(out / rel, data, stats, kind)
    for unit in NOTHING_FOUND:      # filed, nothing found
        write(out / "problems" / f"{unit}.yaml", "# 已报送，未发现问题\n[]\n", stats, "problems")

    for ti in world.report_topics:
        wrong = plan.reports.get(ti)
        text = report_md(rnd, ti, tid(wrong if wrong is not None else ti))
        rel = f"reports/{tid(ti)}.md"
        if wrong is not None:
            plan.found.append(Seeded("report_topic_mismatch", rel, 2, (1, 8),
                                     f"report of {tid(ti)} says topic {tid(wrong)}",
                                     [plan.where[("topics", ti)]]))
        write(out / rel, text, stats, "reports")
    order = {k: i for i, k in enumerate(ERROR_KINDS)}
    return stats, sorted(plan.found, key=lambda s: (order[s.kind], s.path, s.line))


def human(n: float) -> str:
    """Decimal units: 1 MB = 10**6 bytes."""
    for unit in ("B", "kB", "MB"):
        if n < 1000:
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.2f} GB"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    ap.add_argument("--records", type=int, default=10000, metavar="N", help="number of records (default 10000)")
    ap.add_argument("--shape", choices=sorted(SHAPES), default="rich",
                    help="rich: full records with free text (default); flat: short records of a "
                         "handful of scalar fields")
    ap.add_argument("--files", type=int, metavar="F", help="number of record files (default records/10)")
    ap.add_argument("--seed", type=int, default=2023, metavar="S", help="random seed (default 2023)")
    ap.add_argument("--errors", type=int, default=0, metavar="K", help="seed K deliberate errors (default 0)")
    ap.add_argument("--reports", type=int, metavar="R",
                    help="number of reports (default 35%% of topics, at most 500)")
    ap.add_argument("--manifest", type=Path, metavar="FILE", help="also write the seeded errors as JSON here")
    ap.add_argument("--force", action="store_true",
                    help="replace OUT_DIR even if it holds a campaign this script did not write "
                         "(one it wrote is always replaced)")
    ap.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.records < 20:
        print("generate.py: --records must be at least 20", file=sys.stderr)
        return 2
    out: Path = args.out_dir
    if out.exists() and any(out.iterdir()):
        if not (generated_here(out) or (args.force and (out / "campaign.yaml").is_file())):
            print(f"generate.py: {out} is not empty and not a campaign this script generated "
                  f"(--force replaces any folder holding a campaign.yaml)", file=sys.stderr)
            return 2
        shutil.rmtree(out)
    t0 = time.perf_counter()
    n_files = args.files if args.files else max(1, args.records // 10)
    stats, seeded = generate(out, args.records, n_files, args.seed, args.errors, args.reports,
                             args.shape)
    elapsed = time.perf_counter() - t0

    for s in seeded:
        print(f"{s.path}:{s.line}: {s.kind}: {s.message}")
    if args.manifest:
        args.manifest.write_text(json.dumps(
            [{"kind": s.kind, "path": s.path, "line": s.line, "span": list(s.span),
              "message": s.message, "also": [{"path": p, "line": n} for p, n in s.also]}
             for s in seeded], ensure_ascii=False, indent=1) + "\n",
            encoding="utf-8")
    if not args.quiet:
        counts = split_counts(args.records)
        print(f"generated {args.records} {args.shape} records ({', '.join(f'{counts[k]} {k}' for k in KINDS)}) "
              f"in {out} in {elapsed:.2f} s", file=sys.stderr)
        for group in sorted(stats.files):
            print(f"  {group:<22} {stats.files[group]:>7} files  {human(stats.size[group]):>10}",
                  file=sys.stderr)
        rec_files = sum(stats.files.get(k, 0) for k in KINDS)
        rec_bytes = sum(stats.size.get(k, 0) for k in KINDS)
        print(f"  {'record files':<22} {rec_files:>7} files  {human(rec_bytes):>10}  "
              f"({rec_bytes / args.records:.0f} bytes/record)", file=sys.stderr)
        print(f"  {'total':<22} {sum(stats.files.values()):>7} files  "
              f"{human(sum(stats.size.values())):>10}", file=sys.stderr)
        if args.errors:
            print(f"  seeded {len(seeded)} errors (listed on stdout)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
