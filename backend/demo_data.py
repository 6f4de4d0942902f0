"""The demo street's fixed data: its communities, units, teams, needs, topics and the demo users
(names from seed 002; the builder in backend/demo.py turns them into rows)."""

from __future__ import annotations

import datetime as dt

from backend.cobuilding.models import NeedStatus, ResourceKind
from backend.core.principal import Role
from backend.meetings.models import DecisionOutcome

RANDOM_SEED = 20261123
# Fixed "today" of the demo story, so that the data set is the same whenever it is generated.
DEMO_TODAY = dt.date(2026, 11, 23)

COMMUNITIES = ["城东社区党委", "城西社区党委", "城北社区党委", "福坪社区党委"]

# 46 units (seed 002), spread over the four communities, with their kinds.
UNITS: list[tuple[str, str]] = [
    ("大埔县人民法院", "agency"),
    ("大埔县人民检察院", "agency"),
    ("大埔县委政法委", "agency"),
    ("大埔县城市综合管理局", "agency"),
    ("大埔县人民医院", "hospital"),
    ("大埔县第一中学", "school"),
    ("湖寮镇中心小学", "school"),
    ("大埔县供电局", "state_enterprise"),
    ("中国移动大埔分公司", "state_enterprise"),
    ("大埔县农村商业银行", "state_enterprise"),
    ("城东花园物业服务中心", "property_company"),
    ("城东花园业主委员会", "owners_committee"),
    ("大埔县教育局", "agency"),
    ("大埔县公安局湖寮派出所", "agency"),
    ("大埔县中医医院", "hospital"),
    ("大埔县实验中学", "school"),
    ("龙山市场管理所", "state_enterprise"),
    ("大埔县自来水公司", "state_enterprise"),
    ("中国邮政大埔分公司", "state_enterprise"),
    ("大埔县义工联合会", "social_organisation"),
    ("龙山小区物业服务中心", "property_company"),
    ("龙山小区业主委员会", "owners_committee"),
    ("大埔县税务局", "agency"),
    ("大埔县市场监督管理局", "agency"),
    ("大埔县妇幼保健院", "hospital"),
    ("湖寮镇第二小学", "school"),
    ("中国电信大埔分公司", "state_enterprise"),
    ("大埔县建设银行支行", "state_enterprise"),
    ("大埔县青年商会", "social_organisation"),
    ("城北新村物业服务中心", "property_company"),
    ("大埔县陶瓷有限公司", "private_enterprise"),
    ("大埔县客家茶业有限公司", "private_enterprise"),
    ("大埔县财政局", "agency"),
    ("大埔县民政局", "agency"),
    ("大埔县人力资源和社会保障局", "agency"),
    ("大埔县疾病预防控制中心", "hospital"),
    ("大埔县职业技术学校", "school"),
    ("大埔县华侨中学", "school"),
    ("中国联通大埔分公司", "state_enterprise"),
    ("大埔县交通运输局", "agency"),
    ("大埔县慈善会", "social_organisation"),
    ("福坪花园物业服务中心", "property_company"),
    ("福坪花园业主委员会", "owners_committee"),
    ("大埔县烟草专卖局", "state_enterprise"),
    ("大埔县客家文化传播有限公司", "private_enterprise"),
    ("大埔县消防救援大队", "agency"),
]

COMMITMENTS = [
    ("志愿服务", "每季度组织党员志愿者到社区开展志愿服务", 4, "次"),
    ("场地共享", "向社区开放会议室、活动室，供居民活动使用", 12, "次"),
    ("资金支持", "资助社区开展重阳敬老、六一关爱等活动", 20000, "元"),
    ("专业服务", "每月安排专业人员到社区开展咨询服务", 12, "次"),
    ("结对帮扶", "结对帮扶社区困难家庭", 3, "户"),
    ("政策宣讲", "到社区开展政策宣讲", 4, "场"),
]

TEAM_NAMES = [
    "红色先锋志愿服务队",
    "巾帼志愿服务队",
    "青年突击志愿服务队",
    "医疗义诊志愿服务队",
    "法律援助志愿服务队",
    "文明劝导志愿服务队",
    "环境整治志愿服务队",
    "关爱老人志愿服务队",
    "平安巡逻志愿服务队",
    "客家文化志愿服务队",
    "助学圆梦志愿服务队",
    "应急救援志愿服务队",
]
TEAM_SKILLS = [
    "政策宣传、入户走访",
    "家政服务、心理疏导",
    "活动组织、信息技术",
    "医疗义诊、健康讲座",
    "法律咨询、矛盾调解",
    "文明劝导、交通疏导",
    "环境整治、垃圾分类",
    "助老服务、陪伴聊天",
    "治安巡逻、消防检查",
    "客家山歌、非遗传承",
    "课业辅导、助学帮扶",
    "应急救援、急救培训",
]
NEEDS = [
    ("楼道照明损坏", "基础设施", "3 号楼楼道灯坏了一个多月，老人晚上上下楼不方便。"),
    ("小区停车难", "交通出行", "综合菜市场周边早高峰车辆乱停，居民出行困难。"),
    ("独居老人就餐困难", "养老服务", "几位独居老人行动不便，希望有长者饭堂或送餐服务。"),
    ("老旧小区化粪池堵塞", "环境卫生", "化粪池多次外溢，气味难闻，需要清掏和改造。"),
    ("儿童放学后无人看护", "教育助学", "双职工家庭孩子放学后无人照看，希望开设四点半课堂。"),
    ("加装电梯意愿强烈", "基础设施", "多层住宅老人多，希望推动加装电梯。"),
    ("垃圾分类投放点不足", "环境卫生", "小区只有一个投放点，距离远，居民投放不便。"),
    ("河堤步道破损", "基础设施", "沿河步道多处破损，晚上散步存在安全隐患。"),
    ("困难家庭助学", "教育助学", "两户困难家庭孩子升学后学费有缺口。"),
    ("社区缺少健身器材", "文体活动", "小区广场健身器材老旧损坏，需要更新。"),
    ("电动车充电隐患", "安全生产", "居民在楼道内给电动车充电，存在火灾隐患。"),
    ("法律咨询需求", "法律服务", "居民遇到遗产继承、劳动纠纷等问题，希望有法律咨询。"),
]
WISHES = [
    "想要一台收音机",
    "希望有人帮忙修理漏水的水龙头",
    "想要一套学习桌椅",
    "想要一个助行器",
    "希望有人陪同去医院复诊",
    "想要一床厚棉被过冬",
    "想要一套课外读物",
    "希望理一次发",
    "想要一个电饭煲",
    "希望学会用智能手机视频通话",
]
PROJECTS = [
    ("龙山市场小区微改造", "改造龙山市场小区环境，解决停车难和化粪池问题。"),
    ("长者饭堂", "在社区党群服务中心开设长者饭堂，为独居老人提供午餐。"),
    ("四点半课堂", "依托学校和志愿者，为双职工家庭孩子提供课后看护。"),
    ("老旧小区路灯改造", "更换老旧小区路灯，解决夜间照明问题。"),
    ("电动车集中充电棚", "建设集中充电棚，消除楼道充电隐患。"),
    ("沿河步道修复", "修复沿河步道破损路段，增设照明。"),
]

# Demo sign-ins (README "Demo users"): one per role, all with DEMO_PASSWORD.
DEMO_PASSWORD = "Gongjian#2026"
DEMO_COMMUNITY = "城西社区党委"
DEMO_UNIT = "龙山小区物业服务中心"
DEMO_USERS = [
    ("admin", "街道管理员（演示）", Role.STREET_ADMIN),
    ("convener", "城西社区召集人（演示）", Role.CONVENER),
    ("coordinator", "城西志愿服务协调员（演示）", Role.VOLUNTEER_COORDINATOR),
    ("liaison", "龙山小区物业联络员（演示）", Role.UNIT_LIAISON),
    ("member", "城西社区兼职委员（演示）", Role.COMMITTEE_MEMBER),
]

MERCHANTS = [
    ("爱心超市", "10 积分兑换一袋 5 斤装大米"),
    ("便民理发店", "20 积分兑换一次理发"),
]
MILESTONES = [
    ("完成需求调研和方案设计", 30),
    ("完成资金筹措和招标", 75),
    ("完成施工或服务落地", 150),
    ("完成验收和群众满意度测评", 180),
]
NEED_STATUS_BY_AGE = [
    NeedStatus.CLOSED,
    NeedStatus.CLOSED,
    NeedStatus.SOLVED,
    NeedStatus.IN_PROGRESS,
    NeedStatus.DISPATCHED,
    NeedStatus.ACCEPTED,
    NeedStatus.SUBMITTED,
    NeedStatus.REJECTED,
    NeedStatus.SUBMITTED,
]
QUARTERS = [
    ("2025年第四季度", dt.date(2025, 12, 18)),
    ("2026年第一季度", dt.date(2026, 3, 19)),
    ("2026年第二季度", dt.date(2026, 6, 18)),
    ("2026年第三季度", dt.date(2026, 9, 17)),
]
AGENDA_TOPICS = [
    "研究老旧小区微改造方案",
    "通报共建项目进展",
    "研究群众需求清单认领事项",
    "审议志愿服务积分兑换办法",
    "研究重阳敬老活动安排",
    "听取督办事项办理情况汇报",
    "研究电动车充电隐患整治",
    "欢迎新报到单位并交流共建意向",
]
DECISION_TEXTS = {
    DecisionOutcome.ADOPTED: "会议同意该事项，由牵头单位负责落实，按期报告办理结果。",
    DecisionOutcome.ADOPTED_WITH_CHANGES: "会议原则同意，按会上意见修改完善后实施。",
    DecisionOutcome.DEFERRED: "会议认为条件尚不成熟，暂缓研究，下次会议再议。",
    DecisionOutcome.REJECTED: "会议经讨论不同意该方案。",
}
ACTION_TITLES = [
    "牵头完成小区路灯更换",
    "组织党员志愿者开展环境整治",
    "协调解决菜市场周边停车问题",
    "开展政策宣讲进小区活动",
    "落实困难家庭结对帮扶",
    "完成化粪池清掏和改造",
    "组织义诊进社区活动",
    "完善电动车集中充电设施",
]
RESOURCE_TITLES = {
    ResourceKind.VENUE: "会议室开放共享",
    ResourceKind.FUNDS: "共建专项资金",
    ResourceKind.EXPERTISE: "专业技术服务",
    ResourceKind.STAFF_HOURS: "党员志愿服务",
    ResourceKind.GOODS: "慰问物资",
    ResourceKind.SERVICE: "便民服务",
}
RESOURCE_DESCRIPTIONS = {
    ResourceKind.VENUE: "会议室、活动室在工作日晚上和周末向社区开放。",
    ResourceKind.FUNDS: "每年安排专项资金支持社区共建项目。",
    ResourceKind.EXPERTISE: "安排专业技术人员为社区提供咨询和技术支持。",
    ResourceKind.STAFF_HOURS: "组织在职党员每月到社区开展志愿服务。",
    ResourceKind.GOODS: "节日期间为困难群众提供慰问物资。",
    ResourceKind.SERVICE: "定期到社区开展便民服务活动。",
}
