"""The vault's vocabulary apart from people's names: organisations, projects, meeting topics,
tasks, and the sentences notes and transcripts are made of. Written for this generator (no text
is taken from the shared corpus). `{P}` marks a person, `{O}` an organisation.
"""

# Distinctive coined first words for organisation names.
ORG_COINED = (
    "Marrowgate", "Tidewell", "Corvane", "Saltreach", "Larkmoor", "Brackwater", "Emberline", "Hollins",
    "Quarrymead", "Fennick", "Oakhurst", "Wyvernton", "Caskwell", "Drumlin", "Glasswing", "Pellham",
    "Rookery", "Stonechat", "Thornbury", "Veltrix", "Windrush", "Yarrowby", "Zelkova", "Ashgrove",
    "Bellweather", "Cobalt", "Dunmarsh", "Elmstead", "Fairholme", "Gorsefield", "Heathcote", "Ironbark",
    "Juniperfield", "Kittiwake", "Lindqvist", "Moorland", "Nettlebed", "Orrin", "Pinecrest", "Quenford",
    "Ravensworth", "Sablewood", "Tamarisk", "Umberleigh", "Varrow", "Westerhall", "Yellowhammer", "Zennor",
    "Albrecht", "Brightwater", "Calder", "Derwent", "Eskdale", "Farrowby", "Greyfriars", "Hartwell",
)
# Ordinary capitalised words that begin some organisations' names, each with sentences in which
# the word is only a word (a hard negative: `Summit` is not Summit Partners).
ORG_ORDINARY = {
    "General": ("General consensus is to wait for the firmware.", "General availability slips to the autumn."),
    "Standard": ("Standard practice is to stage the hardware first.", "Standard terms apply to the pilot."),
    "Union": ("Union rules apply to the weekend shift.",),
    "Summit": ("Summit prep eats most of next week.",),
    "Bridge": ("Bridge funding covers the gap until the renewal.",),
    "Delta": ("Delta between the two quotes is small.",),
    "Signal": ("Signal from the field is mixed.",),
    "Capital": ("Capital spend needs sign-off above fifty thousand.",),
    "National": ("National holidays push the cutover by a week.",),
    "Frontier": ("Frontier models need far more bandwidth.",),
    "Pioneer": ("Pioneer customers get the early discount.",),
    "Anchor": ("Anchor tenants sign first, then the rest follow.",),
    "Beacon": ("Beacon pings from the edge sites look fine.",),
    "Crown": ("Crown jewels stay on-prem, they said.",),
    "Keystone": ("Keystone of the plan is the pilot.",),
    "Pacific": ("Pacific time works for everyone.",),
    "Northern": ("Northern sites go live first.",),
    "Atlas": ("Atlas of the racks is in the wiki.",),
    "Vector": ("Vector search is the new requirement.",),
    "Royal": ("Royal treatment for the pilot customer, apparently.",),
}
ORG_SECTORS = (
    "Analytics", "Robotics", "Health", "Pharma", "Logistics", "Energy", "Systems", "Foods", "Aerospace",
    "Insurance", "Media", "Networks", "Materials", "Labs", "Cloud", "Partners", "Bank", "Shipping",
    "Textiles", "Mobility", "Biotech", "Telecom", "Water", "Semiconductors",
)
ORG_REGIONS = (
    "Western Fjord", "Upper Vltava", "Central Plateau", "Lower Rhine", "Eastern Delta", "Southern Cape",
    "Inner Hebrides", "Baltic Coast", "High Tatra", "North Atlantic", "Adriatic", "Iberian Coast",
)
ORG_BODIES = (
    ("Power", "Board"), ("Water", "Authority"), ("Rail", "Agency"), ("Health", "Trust"),
    ("Transit", "Council"), ("Research", "Institute"), ("Grid", "Operator"), ("Ports", "Authority"),
)
# Sentences in which an everyday word that is also a given name is only a word.
WORD_NAMES = {
    "Will": ("Will do, I'll send it tonight.",),
    "Mark": ("Mark the ticket as blocked for now.",),
    "Grace": ("Grace period on the invoice ends Friday.",),
    "Hope": ("Hope that clears it up.",),
    "Bill": ("Bill the pilot hours separately.",),
    "Frank": ("Frank conversation, but a useful one.",),
    "Max": ("Max throughput was forty gigabytes a second.",),
    "June": ("June is when the budget resets.",),
    "April": ("April numbers were soft across the board.",),
    "May": ("May works better for the workshop.",),
    "Chase": ("Chase the vendor for the replacement parts.",),
    "Dawn": ("Dawn deliveries keep slipping.",),
    "Amber": ("Amber status on the dashboard for two weeks now.",),
    "Summer": ("Summer freeze starts in July.",),
    "Sunny": ("Sunny forecast for the site visit, at least.",),
    "Faith": ("Faith in the roadmap is low after the last slip.",),
}
PROJECT_WORDS = (
    "Basalt", "Feldspar", "Gneiss", "Quartzite", "Schist", "Pumice", "Cinnabar", "Malachite", "Zircon",
    "Dolomite", "Gypsum", "Mica", "Galena", "Pyrite", "Rhyolite", "Tuff", "Chert", "Marl", "Shale",
    "Ochre", "Cobble", "Scoria", "Flint", "Andesite", "Gabbro", "Diorite", "Slate", "Travertine",
)
PROJECT_FORMS = ("Project {w}", "{w} Pilot", "{w} Rollout", "{w} Migration", "{w} Program", "{w} Refresh")

ROLES = (
    "Head of Data Platform", "Procurement Lead", "VP Engineering", "Solutions Architect", "Account Director",
    "Program Manager", "Chief Information Officer", "Site Reliability Lead", "Data Protection Officer",
    "Partner Manager", "Research Scientist", "Finance Controller", "Customer Success Manager",
    "Field Engineer", "Security Architect", "Operations Director", "Product Manager", "Legal Counsel",
)
LOCATIONS = (
    "Lisbon", "Kraków", "Rotterdam", "Izmir", "Lagos", "Bengaluru", "Osaka", "Busan", "Hanoi", "Dublin",
    "Göteborg", "Zürich", "São Paulo", "Monterrey", "Dubai", "Wrocław", "Bergen", "Málaga", "Poznań",
    "Aarhus", "Graz", "Utrecht", "Cork", "Ankara", "Pune", "Abuja", "Sapporo", "Da Nang",
)
INDUSTRIES = (
    "logistics", "regional healthcare", "public transport", "retail banking", "semiconductor design",
    "climate research", "media streaming", "agritech", "energy trading", "insurance claims",
)
TOPICS = (
    "Capacity planning for the spring rollout", "Data retention review with legal",
    "Kick-off for the analytics migration", "Vendor comparison for edge gateways",
    "Renewal pricing and discount structure", "Incident review – ingestion backlog",
    "Security questionnaire walkthrough", "Roadmap preview for the partner council",
    "Onboarding plan for the new field team", "Benchmark results and next steps",
    "Budget check-in for the second half", "Site survey debrief", "Contract redlines review",
    "Support escalation triage", "Training workload sizing", "Disaster recovery drill retrospective",
    "Archive tiering proposal", "Quarterly steering group", "Network refresh options",
    "Pilot success criteria workshop", "Cost review of the object storage tier",
)
TASKS = (
    "Send the revised quote to procurement", "Book the demo room for the workshop",
    "Draft the data processing addendum", "Collect sizing inputs from the platform team",
    "Schedule the security review", "Update the runbook with the failover steps",
    "Share the benchmark results with the steering group", "Confirm the delivery window for the racks",
    "Write the summary for the steering group", "Chase the signed NDA",
    "Prepare the capacity forecast for next quarter", "Review the migration checklist",
    "Set up the shared channel with the vendor", "File the ticket for the firmware regression",
    "Reconcile the invoice with the purchase order", "Circulate the agenda for the workshop",
    "Estimate the egress costs for the archive", "Test the restore path on the staging cluster",
    "Ask legal about the data residency clause", "Clean up the duplicate pages in the wiki",
)
TASK_TAGS = ("followup", "blocked", "pilot", "docs", "exec", "waiting-on", "legal", "budget")
RECURRENCES = ("every week", "every month", "every 2 weeks", "every weekday", "every month on the 15th")
DECISIONS = (
    "Go with the phased rollout.", "Keep the pilot to two sites.", "Defer the network refresh to next year.",
    "Use the existing contract vehicle.", "Move the steering group to monthly.", "Drop the on-prem option.",
)
FACTS = (
    "Prefers written summaries after every call.", "Travels most of the second week of each month.",
    "Wants a single dashboard for quotas and usage.", "Sceptical of managed services after a bad outage.",
    "Runs the weekly architecture review.", "Moved over from the finance side two years ago.",
)
FACT_TEMPLATES = (
    "{O} plans to add {n} sites next year.", "Reports to {P}.", "Previously worked at {O} for {n} years.",
    "Owns a budget of about {n}0k for storage.", "Introduced us to {P} at the offsite.",
    "Said {O} will decide by week {n}.", "Co-wrote the {n}-page requirements document with {P}.",
)
NOTE_LINES = (
    "Most of the data is cold after thirty days.", "Two vendors are still in the running.",
    "The pilot needs a named executive sponsor.", "Legal wants the residency clause reworded.",
    "Cutover is planned for a weekend window.", "The current cluster is at ninety percent.",
)
FILLER = (
    "Okay, let's get started.", "Can everyone hear me?", "Sorry, I was on mute.", "That makes sense to me.",
    "I think we're aligned on that.", "Let me share my screen.", "The numbers are in the spreadsheet.",
    "We need a decision by the end of the month.", "Procurement takes about six weeks.",
    "The restore test took four hours.", "Egress costs are the real problem here.",
    "We can run the benchmark again on the new firmware.", "Honestly, the timeline is tight.",
    "I'll write that down as an action item.", "Let's take that offline.", "Good question, I don't know yet.",
    "The second site is still waiting for power.", "We saw latency spikes during the rebuild.",
    "It's mostly large sequential reads.", "Nobody wants another migration this year.",
    "Right, right.", "Uh, yeah, so that's basically where we are.", "The contract runs until next spring.",
    "Security signed off on the design.", "We'd need a second network for that.",
    "Can we get the numbers before Friday?", "The quota feature was the main draw.",
    "Let's not boil the ocean here.", "I had a meeting about it this morning.", "Thanks, that's helpful.",
    "Support tickets doubled after the upgrade.", "We should capture this in the requirements doc.",
)
PERSON_SENTENCES = (
    "I'll loop in {P} after this call.", "Thanks {P}, that's helpful.", "{P} is on point for the rollout plan.",
    "I spoke with {P} yesterday about the renewal.", "Can we add {P} to the thread?",
    "{P} said the numbers look fine.", "Let's ask {P} to review the runbook.", "{P}'s team owns the ingestion side.",
    "I think {P} has the latest draft.", "Did {P} send the contract yet?", "Per {P}, legal is fine with it.",
    "As {P} said, the firmware is not final.", "I'll ping {P} right after this.",
)
ORG_SENTENCES = (
    "{O} wants a proposal by Friday.", "We're seeing the same thing at {O}.", "The {O} team is short on staff.",
    "{O} signed the letter of intent.", "Is {O} still evaluating the other vendor?",
    "I think {O} is the reference customer here.", "{O} asked for a written timeline.",
)
HANDLE_SENTENCES = (
    "I'll ping {H} on Slack about it.", "Got a DM from {H} this morning.", "Assigning it to {H} in the tracker.",
)
COMMA_SENTENCES = (
    "Owner field in the CRM export says {C}.", "Approver on the form: {C}.", "The ticket lists {C} as requester.",
)
