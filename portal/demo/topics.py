"""What Eastmere District Council's reports are about (all invented), and how one becomes a
report with its sections, figures and resolutions."""

from __future__ import annotations

import random
from dataclasses import dataclass

from portal.demo.papers import Report

PORTFOLIOS = {
    "finance": ("Cllr Peter Blyth, Finance and Assets", "Alison Hurst, Director of Resources"),
    "housing": ("Cllr Sunita Chandra, Housing and Communities", "Martin Cole, Director of Place"),
    "environment": ("Cllr Owen Davies, Environment and Climate", "Martin Cole, Director of Place"),
    "leisure": ("Cllr Fiona Ellery, Leisure and Wellbeing", "Martin Cole, Director of Place"),
    "planning": ("Cllr Graham Foss, Planning and Regeneration", "Martin Cole, Director of Place"),
    "leader": ("Cllr Margaret Ashdown, Leader of the Council", "Joanna Pike, Chief Executive"),
}
AUTHORS = [
    ("Helen Norris", "Senior Accountant"),
    ("Gareth Lowe", "Housing Strategy Manager"),
    ("Amira Khan", "Climate Change Officer"),
    ("Simon Tate", "Leisure Services Manager"),
    ("Lucy Barton", "Principal Planning Officer"),
    ("Callum Reid", "Policy and Performance Manager"),
]


@dataclass(frozen=True)
class Topic:
    title: str
    portfolio: str  # a key of PORTFOLIOS
    purpose: str
    recommendation: str
    summary: str
    resolutions: tuple[str, ...]
    discussion: str


def t(title, portfolio, purpose, recommendation, summary, resolutions, discussion) -> Topic:
    return Topic(title, portfolio, purpose, recommendation, summary, tuple(resolutions), discussion)


EFFECTS = ["low", "neutral", "positive"]
DECIDE, REVIEW, NOTE = "For Decision", "For Review and Consultation", "For Information"
CABINET = [
    t(
        "Revenue and Capital Budget Monitoring",
        "finance",
        DECIDE,
        "That the forecast outturn position be noted and the virements in Appendix A approved.",
        "The council forecasts an overspend on temporary accommodation, offset in part by "
        "higher income from car parks and investment interest.",
        [
            "That the forecast outturn position be noted.",
            "That the budget virements set out in Appendix A be approved.",
        ],
        "The Cabinet Member for Finance and Assets introduced the report and explained the "
        "pressures on temporary accommodation.",
    ),
    t(
        "Medium Term Financial Plan and Draft Budget",
        "finance",
        DECIDE,
        "That the draft budget be recommended to Council for approval.",
        "The draft budget closes the funding gap through efficiencies, fees and charges and a "
        "council tax increase within the referendum limit.",
        [
            "That the draft revenue budget and capital programme be recommended to Council.",
            "That the fees and charges schedule be approved.",
        ],
        "Members discussed the assumptions about government funding and the level of reserves.",
    ),
    t(
        "Eastmere Town Centre Regeneration Strategy",
        "planning",
        DECIDE,
        "That the Town Centre Regeneration Strategy be adopted.",
        "The strategy sets out how vacant units on Market Street and the bus station site "
        "could be brought back into use over ten years.",
        ["That the Eastmere Town Centre Regeneration Strategy be adopted."],
        "Members welcomed the strategy and asked that traders be kept informed.",
    ),
    t(
        "Housing Allocations Policy Review",
        "housing",
        DECIDE,
        "That the revised Housing Allocations Policy be approved for consultation.",
        "The review simplifies the banding scheme and gives additional priority to care "
        "leavers and households leaving the armed forces.",
        ["That the revised Housing Allocations Policy be approved for public consultation."],
        "The Cabinet Member for Housing and Communities explained the changes to the bands.",
    ),
    t(
        "Climate Emergency Action Plan Annual Update",
        "environment",
        REVIEW,
        "That progress against the Climate Emergency Action Plan be noted.",
        "Council emissions fell this year following the switch of the fleet to electric vans "
        "and the installation of solar panels at the depot.",
        ["That progress against the Climate Emergency Action Plan be noted."],
        "Members asked about the charging points planned for the Riverside car park.",
    ),
    t(
        "25/00107 - Leisure Centre Management Contract",
        "leisure",
        DECIDE,
        "That officers be authorised to procure a new leisure management contract.",
        "The current contract for Eastmere Leisure Centre and Brookfield Pool ends in 2027.",
        [
            "That officers be authorised to procure a new leisure management contract.",
            "That the award of the contract be delegated to the Director of Place.",
        ],
        "Members discussed the condition of Brookfield Pool and the options for its future.",
    ),
    t(
        "Waste and Recycling Service Changes",
        "environment",
        DECIDE,
        "That weekly food waste collections be introduced across the district.",
        "New national requirements mean weekly food waste collections from every household.",
        [
            "That weekly food waste collections be introduced from April.",
            "That the purchase of twelve collection vehicles be approved.",
        ],
        "Members asked how residents in flats would be supported to recycle food waste.",
    ),
    t(
        "Council Tax Reduction Scheme",
        "finance",
        DECIDE,
        "That the Council Tax Reduction Scheme for next year be recommended to Council.",
        "The scheme is updated in line with national benefit rates.",
        ["That the Council Tax Reduction Scheme be recommended to Council without change."],
        "The Cabinet Member for Finance and Assets introduced the report.",
    ),
    t(
        "Corporate Performance Report",
        "leader",
        NOTE,
        "That the corporate performance report be noted.",
        "Most indicators are on target; the time taken to process planning applications has "
        "improved and sickness absence remains above target.",
        ["That the corporate performance report be noted."],
        "The Leader of the Council drew attention to the improvement in planning performance.",
    ),
]
COUNCIL = [
    t(
        "Appointment of Committees and Outside Bodies",
        "leader",
        DECIDE,
        "That committee places be allocated in accordance with political balance.",
        "Each year the council appoints its committees and representatives to outside bodies.",
        [
            "That committee places be allocated as set out in Appendix A.",
            "That representatives be appointed to the outside bodies listed in Appendix B.",
        ],
        "The Leader of the Council moved the recommendations, which were seconded.",
    ),
    t(
        "Budget and Council Tax Setting",
        "finance",
        DECIDE,
        "That the budget be approved and the council tax for the year be set.",
        "Cabinet recommends the revenue budget, the capital programme and a council tax "
        "increase of 2.99% for a Band D property.",
        [
            "That the revenue budget and capital programme be approved.",
            "That the council tax for a Band D property be set as shown in Appendix C.",
        ],
        "A recorded vote was taken on the budget, which was carried.",
    ),
    t(
        "Treasury Management Strategy",
        "finance",
        DECIDE,
        "That the Treasury Management Strategy be approved.",
        "The strategy sets the limits within which the council borrows and invests.",
        ["That the Treasury Management Strategy and prudential indicators be approved."],
        "Members asked about the council's exposure to interest rate changes.",
    ),
    t(
        "Pay Policy Statement",
        "leader",
        DECIDE,
        "That the Pay Policy Statement be approved.",
        "The council must publish a pay policy statement each year.",
        ["That the Pay Policy Statement be approved."],
        "The Leader of the Council introduced the statement.",
    ),
    t(
        "Review of the Constitution",
        "leader",
        DECIDE,
        "That the changes to the Constitution be approved.",
        "The review updates the procedure rules for public questions and petitions.",
        ["That the changes to the Constitution set out in the appendix be approved."],
        "Members welcomed the longer time allowed for public questions.",
    ),
    t(
        "Motion on Rural Bus Services",
        "leader",
        DECIDE,
        "That the council considers the motion on rural bus services.",
        "A motion was submitted asking the council to press for better rural bus services.",
        [
            "That the council writes to the county transport authority asking that the "
            "withdrawn rural bus routes be reinstated."
        ],
        "The motion was moved, seconded and carried after debate.",
    ),
]
PLANNING = [
    t(
        f"{ref} - {site}",
        "planning",
        DECIDE,
        f"That planning permission be {verdict}.",
        what,
        [f"That planning permission be {verdict}, subject to the conditions in the report."],
        f"The Principal Planning Officer presented the application. {debate}",
    )
    for ref, site, verdict, what, debate in [
        (
            "25/00144/FUL",
            "Westmere Sailing Club, The Hard",
            "granted",
            "Replacement clubhouse with changing rooms and a slipway.",
            "There were no speakers.",
        ),
        (
            "25/00202/OUT",
            "Land south of Ferrybridge Road",
            "refused",
            "Outline application for up to 120 dwellings.",
            "The parish council and eleven residents objected; the applicant's agent spoke.",
        ),
        (
            "25/00289/FUL",
            "3 Church Walk, Eastmere",
            "granted",
            "Two storey rear extension.",
            "The application was before the committee because the applicant is a council employee.",
        ),
        (
            "25/00330/FUL",
            "Eastmere Railway Station Forecourt",
            "granted",
            "New cycle shelter for 60 bicycles and a taxi rank.",
            "Members welcomed the scheme.",
        ),
        (
            "25/00412/FUL",
            "Land north of Mill Lane, Eastmere",
            "granted",
            "Erection of 48 dwellings, 35% of them affordable, with access from Mill Lane.",
            "A neighbour spoke against the application and the agent spoke in support.",
        ),
        (
            "25/00518/OUT",
            "Former Brookfield Garage, Station Road",
            "granted",
            "Outline application for 12 flats above a ground floor shop.",
            "Members discussed parking and the design of the shop front.",
        ),
        (
            "25/00633/FUL",
            "Holly Farm, Saltings Lane, Westmere",
            "refused",
            "Conversion of agricultural barns to four holiday lets.",
            "Members were concerned about flooding on Saltings Lane.",
        ),
        (
            "25/00701/FUL",
            "Eastmere Community Primary School",
            "granted",
            "Single storey extension to provide two classrooms.",
            "There were no speakers.",
        ),
        (
            "25/00845/FUL",
            "12 Quay Street, Eastmere",
            "granted",
            "Change of use from shop to café with outdoor seating.",
            "The ward councillor spoke in support.",
        ),
        (
            "26/00057/FUL",
            "Land at Kiln Corner, Ferrybridge",
            "refused",
            "Erection of a solar farm of 30 hectares with battery storage.",
            "Members weighed the renewable energy benefits against the loss of farmland.",
        ),
        (
            "26/00131/LBC",
            "The Old Corn Exchange, Market Street",
            "granted",
            "Listed building consent for repairs to the roof and clock tower.",
            "Members welcomed the repairs to the building.",
        ),
        (
            "26/00290/FUL",
            "Riverside Car Park, Eastmere",
            "granted",
            "Installation of 20 electric vehicle charging points and a canopy.",
            "There were no speakers.",
        ),
    ]
]
SCRUTINY = [
    t(
        "Temporary Accommodation Review",
        "housing",
        REVIEW,
        "That the committee considers the findings of the review and makes recommendations.",
        "The number of households in temporary accommodation has doubled in two years.",
        ["That Cabinet be asked to consider buying homes for use as temporary accommodation."],
        "Members questioned the Cabinet Member for Housing and Communities on costs.",
    ),
    t(
        "Work Programme",
        "leader",
        REVIEW,
        "That the committee agrees its work programme.",
        "The work programme lists the topics the committee will scrutinise this year.",
        ["That the work programme be agreed."],
        "Members suggested further topics.",
    ),
    t(
        "Flood Resilience Task and Finish Group",
        "environment",
        REVIEW,
        "That the report of the task and finish group be referred to Cabinet.",
        "The group looked at the flooding of Saltings Lane and Ferrybridge last winter.",
        ["That the report of the task and finish group be referred to Cabinet."],
        "The chair of the group presented its findings.",
    ),
    t(
        "Customer Services and Complaints",
        "leader",
        REVIEW,
        "That the annual complaints report be noted.",
        "Complaints fell by 8% this year; most concerned missed bin collections.",
        ["That the annual complaints report be noted."],
        "Members asked about waiting times on the telephone line.",
    ),
    t(
        "Call-in of Decision 25/00107 - Leisure Centre Management Contract",
        "leisure",
        REVIEW,
        "That the committee considers the call-in of the Cabinet decision.",
        "Five members called in the decision on the leisure management contract.",
        ["That no further action be taken and the Cabinet decision take effect."],
        "The lead signatory explained the reasons for the call-in.",
    ),
    t(
        "Community Safety Partnership Annual Report",
        "housing",
        NOTE,
        "That the annual report of the Community Safety Partnership be noted.",
        "Anti-social behaviour in the town centre fell after the new patrols began.",
        ["That the annual report be noted."],
        "The district police commander attended.",
    ),
]
EXEMPT = {
    "Cabinet": t("Sale of Land at the Former Mill Lane Depot", "finance", DECIDE,
                 "That the land be sold to the preferred bidder on the terms in the report.",
                 "Three bids were received for the former depot site.",
                 ["That the land be sold to the preferred bidder on the terms set out in the "
                  "report."],
                 "Members considered the bids and the valuation advice."),
    "Planning Committee": t("Enforcement Appeal - Land at Kiln Corner", "planning", NOTE,
                            "That the legal advice on the appeal be noted.",
                            "Counsel has advised on the prospects of the enforcement appeal.",
                            ["That the legal advice be noted and the appeal be defended."],
                            "Members considered the legal advice."),
}  # fmt: skip
URGENT = t("Winter Homelessness Provision", "housing", DECIDE,
           "That an emergency night shelter be funded for the winter.",
           "Rough sleeping has risen and the usual winter shelter cannot open this year.",
           ["That £85,000 be released from reserves to fund an emergency night shelter."],
           "The Leader agreed to take this item as a matter of urgency.")  # fmt: skip


def report(topic: Topic, rng: random.Random, exempt_paragraph: int | None = None) -> Report:
    portfolio, director = PORTFOLIOS[topic.portfolio]
    author, title = AUTHORS[list(PORTFOLIOS).index(topic.portfolio)]
    cost = rng.randrange(40, 900) * 1000
    sections = [
        ("Financial Implications", [
            f"The cost of the proposals is estimated at £{cost:,}, met from existing budgets "
            "and the reserves set aside for this purpose."]),
        ("Climate Implications", [
            "The proposals have been assessed against the Climate Emergency Action Plan; "
            f"the effect on the council's emissions is {rng.choice(EFFECTS)}."]),
        ("Risk Assessment", [
            "Having considered the risks associated with this decision, the level of risk "
            f"has been identified as: Current Risk: {rng.choice(['Low', 'Medium'])}, "
            "Residual Risk: Low."]),
        ("Equalities Impact Assessment", [
            "An equalities impact assessment has been completed and no adverse impact on any "
            "group with a protected characteristic has been identified."]),
    ]  # fmt: skip
    return Report(
        title=topic.title,
        purpose=topic.purpose,
        portfolio=portfolio,
        director=director,
        author=author,
        author_title=title,
        recommendation=topic.recommendation,
        reason="To deliver the council's priorities within its agreed budget.",
        summary=[topic.summary],
        sections=sections,
        resolutions=list(topic.resolutions),
        discussion=topic.discussion,
        exempt_paragraph=exempt_paragraph,
    )


def declaration(rng: random.Random, members: list[str]) -> str:
    who = rng.choice(members)
    return (
        f"{who} declared an other registrable interest as a member of the Eastmere Community "
        "Trust. They remained in the meeting and took part in the discussion."
    )


def end_time(start: str, rng: random.Random) -> str:
    hour, rest = start.split(".")
    minutes, half = rest.split()
    finish = int(hour) + rng.randrange(1, 3)
    if half == "am" and finish >= 12:
        half, finish = "pm", finish - 12 if finish > 12 else finish
    return f"{finish}.{rng.choice(['05', '20', '35', '50'])} {half}"
