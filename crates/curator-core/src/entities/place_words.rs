//! One capitalised word that the words around it make a place: `Lake Balaton`, `the Tatra
//! mountains`, `Victoria Island`, `the Gulf of Riga`, `Lima, Peru`, `flying to Sydney`. Such a
//! word names the lake, the range, the island or the town, not the company called after it
//! (Balaton Foods, Tatra Analytics) nor the person whose name it shares (Victor, Jordan, Ana
//! Lima, Sydney Park).

/// Words for a landform or a body of water, lowercase, sorted: after a name they make it a
/// place's (`the Zagros mountains`, `Victoria Island`, `the Negev desert`).
const FEATURES_AFTER: &[&str] = &[
    "archipelago",
    "basin",
    "bay",
    "canyon",
    "coast",
    "delta",
    "desert",
    "fjord",
    "forest",
    "glacier",
    "gorge",
    "harbor",
    "harbour",
    "highlands",
    "hills",
    "island",
    "islands",
    "lagoon",
    "lake",
    "lowlands",
    "mountain",
    "mountains",
    "mts",
    "ocean",
    "peninsula",
    "plateau",
    "range",
    "river",
    "sea",
    "steppe",
    "strait",
    "valley",
    "volcano",
];

/// Words for a landform, a body of water or a town that come before its name, lowercase,
/// sorted (`Lake Balaton`, `Mount Kenya`, `the river Morava`, `Port Elizabeth`, `Fort Collins`).
const FEATURES_BEFORE: &[&str] = &[
    "cape", "fort", "lake", "loch", "mount", "mt", "port", "river",
];

/// Words for a way, a line or a building, lowercase, sorted: after a name, not its possessive,
/// they make it the name of what is named for someone (`King Charles Street`, `the Victoria
/// line`, `Prince Alfred Hospital`), not of the person of the vault called so. Words that are
/// also common surnames (`Park`, `Hall`, `Lane`) are not among them.
const BUILT_AFTER: &[&str] = &[
    "avenue",
    "boulevard",
    "bridge",
    "cathedral",
    "college",
    "hospital",
    "line",
    "museum",
    "road",
    "square",
    "stadium",
    "station",
    "street",
    "tunnel",
    "university",
];

/// Words for a body of water or a landform that come before `of` and its name, lowercase,
/// sorted (`the Gulf of Riga`, `Isle of Skye`).
const FEATURES_BEFORE_OF: &[&str] = &["bay", "gulf", "isle", "sea", "strait"];

/// Countries, and the states and provinces of federations, as a town's name is followed by them
/// after a comma (`Lima, Peru`, `Austin, Texas`, `Lawrence, KS`, `Perth, WA`), sorted.
const REGIONS: &[&str] = &[
    "AB",
    "ACT",
    "AK",
    "AR",
    "AZ",
    "Afghanistan",
    "Alabama",
    "Alaska",
    "Albania",
    "Alberta",
    "Algeria",
    "Andorra",
    "Angola",
    "Antigua",
    "Argentina",
    "Arizona",
    "Arkansas",
    "Armenia",
    "Australia",
    "Austria",
    "Azerbaijan",
    "BC",
    "Bahamas",
    "Bahrain",
    "Bangladesh",
    "Barbados",
    "Belarus",
    "Belgium",
    "Belize",
    "Benin",
    "Bhutan",
    "Bolivia",
    "Bosnia",
    "Botswana",
    "Brazil",
    "British Columbia",
    "Brunei",
    "Bulgaria",
    "Burkina Faso",
    "Burundi",
    "CA",
    "CO",
    "CT",
    "Cabo Verde",
    "California",
    "Cambodia",
    "Cameroon",
    "Canada",
    "Cape Verde",
    "Chad",
    "Chile",
    "China",
    "Colombia",
    "Colorado",
    "Comoros",
    "Congo",
    "Connecticut",
    "Costa Rica",
    "Croatia",
    "Cuba",
    "Cyprus",
    "Czech Republic",
    "Czechia",
    "DC",
    "DE",
    "Delaware",
    "Denmark",
    "Djibouti",
    "Dominica",
    "Dominican Republic",
    "East Timor",
    "Ecuador",
    "Egypt",
    "El Salvador",
    "England",
    "Equatorial Guinea",
    "Eritrea",
    "Estonia",
    "Eswatini",
    "Ethiopia",
    "FL",
    "Fiji",
    "Finland",
    "Florida",
    "France",
    "GA",
    "Gabon",
    "Gambia",
    "Georgia",
    "Germany",
    "Ghana",
    "Greece",
    "Grenada",
    "Guatemala",
    "Guinea",
    "Guyana",
    "Haiti",
    "Hawaii",
    "Honduras",
    "Hong Kong",
    "Hungary",
    "IA",
    "ID",
    "IL",
    "Iceland",
    "Idaho",
    "Illinois",
    "India",
    "Indiana",
    "Indonesia",
    "Iowa",
    "Iran",
    "Iraq",
    "Ireland",
    "Israel",
    "Italy",
    "Ivory Coast",
    "Jamaica",
    "Japan",
    "Jordan",
    "KS",
    "KY",
    "Kansas",
    "Kazakhstan",
    "Kentucky",
    "Kenya",
    "Kiribati",
    "Kosovo",
    "Kuwait",
    "Kyrgyzstan",
    "LA",
    "Laos",
    "Latvia",
    "Lebanon",
    "Lesotho",
    "Liberia",
    "Libya",
    "Liechtenstein",
    "Lithuania",
    "Louisiana",
    "Luxembourg",
    "MA",
    "MB",
    "MD",
    "MI",
    "MN",
    "MO",
    "MS",
    "MT",
    "Madagascar",
    "Maine",
    "Malawi",
    "Malaysia",
    "Maldives",
    "Mali",
    "Malta",
    "Manitoba",
    "Marshall Islands",
    "Maryland",
    "Massachusetts",
    "Mauritania",
    "Mauritius",
    "Mexico",
    "Michigan",
    "Micronesia",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Moldova",
    "Monaco",
    "Mongolia",
    "Montana",
    "Montenegro",
    "Morocco",
    "Mozambique",
    "Myanmar",
    "NB",
    "NC",
    "ND",
    "NE",
    "NH",
    "NJ",
    "NL",
    "NM",
    "NS",
    "NSW",
    "NT",
    "NU",
    "NV",
    "NY",
    "Namibia",
    "Nauru",
    "Nebraska",
    "Nepal",
    "Netherlands",
    "Nevada",
    "New Brunswick",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New South Wales",
    "New York",
    "New Zealand",
    "Newfoundland",
    "Nicaragua",
    "Niger",
    "Nigeria",
    "North Carolina",
    "North Dakota",
    "North Korea",
    "North Macedonia",
    "Northern Ireland",
    "Northern Territory",
    "Norway",
    "Nova Scotia",
    "OH",
    "Ohio",
    "Oklahoma",
    "Oman",
    "Ontario",
    "Oregon",
    "PA",
    "PE",
    "Pakistan",
    "Palau",
    "Palestine",
    "Panama",
    "Papua New Guinea",
    "Paraguay",
    "Pennsylvania",
    "Peru",
    "Philippines",
    "Poland",
    "Portugal",
    "Prince Edward Island",
    "Puerto Rico",
    "QC",
    "QLD",
    "Qatar",
    "Quebec",
    "Queensland",
    "RI",
    "Rhode Island",
    "Romania",
    "Russia",
    "Rwanda",
    "SC",
    "SD",
    "SK",
    "Samoa",
    "Saskatchewan",
    "Saudi Arabia",
    "Scotland",
    "Senegal",
    "Serbia",
    "Seychelles",
    "Sierra Leone",
    "Singapore",
    "Slovakia",
    "Slovenia",
    "Solomon Islands",
    "Somalia",
    "South Africa",
    "South Australia",
    "South Carolina",
    "South Dakota",
    "South Korea",
    "South Sudan",
    "Spain",
    "Sri Lanka",
    "Sudan",
    "Suriname",
    "Sweden",
    "Switzerland",
    "Syria",
    "TN",
    "TX",
    "Taiwan",
    "Tajikistan",
    "Tanzania",
    "Tasmania",
    "Tennessee",
    "Texas",
    "Thailand",
    "Togo",
    "Tonga",
    "Trinidad",
    "Tunisia",
    "Turkey",
    "Turkmenistan",
    "Tuvalu",
    "UAE",
    "UK",
    "USA",
    "UT",
    "Uganda",
    "Ukraine",
    "United Arab Emirates",
    "United Kingdom",
    "United States",
    "Uruguay",
    "Utah",
    "Uzbekistan",
    "VA",
    "VT",
    "Vanuatu",
    "Vatican City",
    "Venezuela",
    "Vermont",
    "Victoria",
    "Vietnam",
    "Virginia",
    "WA",
    "WI",
    "WV",
    "WY",
    "Wales",
    "Washington",
    "West Virginia",
    "Western Australia",
    "Wisconsin",
    "Wyoming",
    "YT",
    "Yemen",
    "Yukon",
    "Zambia",
    "Zimbabwe",
];

/// Words for going or being somewhere, lowercase, sorted: before `to`, `into`, `from` or `in`
/// they make the next word a place (`flying to Sydney`, `based in Austin`), where `talk to
/// Sydney` names a person.
const TRAVEL_BEFORE: &[&str] = &[
    "arrived",
    "arriving",
    "based",
    "drive",
    "driving",
    "drove",
    "flew",
    "flight",
    "flights",
    "flown",
    "fly",
    "flying",
    "headquartered",
    "landed",
    "landing",
    "moved",
    "moving",
    "office",
    "offices",
    "relocated",
    "relocating",
    "travel",
    "traveled",
    "traveling",
    "travelled",
    "travelling",
    "trip",
    "trips",
];

/// What joins a word of [`TRAVEL_BEFORE`] to the place it names.
const TRAVEL_JOINS: &[&str] = &["from", "in", "into", "to"];

/// Words for a site of an organisation, lowercase, sorted: after a determiner and a name they
/// make the name a town's (`the Adelaide office`, `our Austin branch`).
const SITES_AFTER: &[&str] = &[
    "airport",
    "branch",
    "campus",
    "factory",
    "headquarters",
    "hq",
    "hub",
    "office",
    "offices",
    "plant",
    "site",
    "store",
    "warehouse",
];

/// What comes before a site of [`SITES_AFTER`] and its town (`the`, `our`), sorted.
const SITE_DETERMINERS: &[&str] = &["a", "an", "our", "the", "their", "your"];

/// `in` in English and as Spanish and Portuguese write it before a town (`en Santiago`, `em
/// Lisboa`), and German `im` ("in the"), which takes a place and never a person (`im Keller`,
/// the cellar, beside a Markus Keller); French `à` and German `nach` take people as often
/// (`montrer à Kyle`, `fragt nach Jonas`).
const IN_WORDS: &[&str] = &["in", "en", "em", "im"];

/// Words after which `in` takes a person (`loop in Florence`, `trust in Hope`, `confiar en
/// Santiago`), lowercase, sorted: anywhere else, `in` and one capitalised word is being
/// somewhere (`in Florence`).
const PERSON_AFTER_IN: &[&str] = &[
    "believe",
    "bring",
    "bringing",
    "brought",
    "call",
    "called",
    "cc",
    "confiance",
    "confiar",
    "confidence",
    "confio",
    "faith",
    "fill",
    "filled",
    "filling",
    "interest",
    "interested",
    "let",
    "loop",
    "looped",
    "looping",
    "pencil",
    "penciled",
    "pencilled",
    "pensar",
    "pense",
    "pensé",
    "pienso",
    "pull",
    "pulled",
    "pulling",
    "put",
    "rope",
    "roped",
    "sub",
    "subbed",
    "swap",
    "swapped",
    "trust",
];

/// The most words a name of [`REGIONS`] has (`Prince Edward Island`).
const MAX_REGION_WORDS: usize = 3;

/// True when the word at `span` of `text` is a place's name by the words around it: a landform
/// or a body of water written just after it, or just before it (past `of` for some), or a
/// country or a state after a comma, or going there or being there before it (`flying to`).
pub fn names_a_place(text: &str, span: std::ops::Range<usize>) -> bool {
    let after = text.get(span.end..).unwrap_or("");
    let before = text.get(..span.start).unwrap_or("");
    if after.strip_prefix(", ").is_some_and(opens_with_a_region) {
        return true;
    }
    let next = after
        .strip_prefix(' ')
        .map(|rest| first_word(rest).to_lowercase());
    if (next.as_ref()).is_some_and(|w| FEATURES_AFTER.binary_search(&w.as_str()).is_ok()) {
        return true;
    }
    if next.is_some_and(|w| BUILT_AFTER.binary_search(&w.as_str()).is_ok())
        && !possessive(text, span.clone())
    {
        return true;
    }
    let Some(before) = before.strip_suffix(' ') else {
        return false;
    };
    // `Mt. Kenya`; not the end of a sentence (`Kari Lake. Lamb lost`).
    let before = before
        .strip_suffix("Mt.")
        .map_or(before, |rest| &before[..rest.len() + 2]);
    let last = last_word(before).to_lowercase();
    if FEATURES_BEFORE.binary_search(&last.as_str()).is_ok() {
        return true;
    }
    // `flying to Sydney`, not `flying to Sydney's office` (hers).
    let travel = TRAVEL_JOINS.contains(&last.as_str())
        && !possessive(text, span.clone())
        && before
            .get(..before.len() - last.len())
            .and_then(|rest| rest.strip_suffix(' '))
            .is_some_and(|rest| {
                let verb = last_word(rest).to_lowercase();
                TRAVEL_BEFORE.binary_search(&verb.as_str()).is_ok()
            });
    if travel {
        return true;
    }
    last == "of"
        && before
            .get(..before.len() - last.len())
            .and_then(|rest| rest.strip_suffix(' '))
            .is_some_and(|rest| {
                let feature = last_word(rest).to_lowercase();
                FEATURES_BEFORE_OF.binary_search(&feature.as_str()).is_ok()
            })
}

/// How the words around a name people have make it a town's ([`names_a_town`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Town {
    /// After `in`, or after another town so named and `and`, `or` or a comma (`in Georgia
    /// and Jordan`).
    In,
    /// Between a determiner and a site (`the Adelaide office`).
    Site,
}

/// How many towns before it a name joined by `and`, `or` or a comma may follow `in` past
/// (`in Lagos, Accra, Dakar and Abidjan`).
const MAX_LISTED_TOWNS: usize = 4;

/// How the word at `span` of `text`, a name people have, is a town's by the words around it,
/// if it is: after `in` (`the regulator in Jordan`, `a week in Florence`, not `loop in
/// Florence`), in a list of towns after `in` (`in Georgia and Jordan`), or between a
/// determiner and a site (`the Adelaide office`). An organisation's name there is still the
/// organisation (`a bug in Beacon`, `the Kestrel office`): asked for people only.
pub fn names_a_town(text: &str, span: std::ops::Range<usize>) -> Option<Town> {
    town_at(text, span, MAX_LISTED_TOWNS)
}

/// [`names_a_town`], looking back past at most `listed` towns of a list.
fn town_at(text: &str, span: std::ops::Range<usize>, listed: usize) -> Option<Town> {
    let possessive = possessive(text, span.clone());
    let after = text.get(span.end..).unwrap_or("");
    let before = text.get(..span.start).and_then(|b| b.strip_suffix(' '))?;
    let last = last_word(before);
    let rest = before
        .get(..before.len() - last.len())
        .and_then(|r| r.strip_suffix(' '));
    if IN_WORDS.contains(&last.to_lowercase().as_str()) && !possessive {
        let verb = rest
            .map(|r| last_word(r).to_lowercase())
            .unwrap_or_default();
        return PERSON_AFTER_IN
            .binary_search(&verb.as_str())
            .is_err()
            .then_some(Town::In);
    }
    // `in Georgia and Jordan`, `in Lagos, Accra`: the town before it in a list.
    let listed_after = match (last, before.strip_suffix(',')) {
        ("and" | "or", _) => rest,
        (_, Some(comma)) => Some(comma),
        _ => None,
    };
    if let Some(list) = listed_after.filter(|_| listed > 0 && !possessive) {
        let previous = last_word(list);
        if previous.starts_with(char::is_uppercase) {
            let at = list.len() - previous.len();
            return (town_at(text, at..list.len(), listed - 1) == Some(Town::In))
                .then_some(Town::In);
        }
        return None;
    }
    let site = after
        .strip_prefix(' ')
        .map(|rest| first_word(rest).to_lowercase());
    (site.is_some_and(|w| SITES_AFTER.binary_search(&w.as_str()).is_ok())
        && SITE_DETERMINERS
            .binary_search(&last.to_lowercase().as_str())
            .is_ok())
    .then_some(Town::Site)
}

/// True when the word at `span` of `text` is a possessive, its `'s` in it or an apostrophe
/// right after it (`Sydney's office`, `Jordan’s folder`): whose thing, not where.
fn possessive(text: &str, span: std::ops::Range<usize>) -> bool {
    let word = text.get(span.clone()).unwrap_or("");
    let after = text.get(span.end..).unwrap_or("");
    after.starts_with(['\'', '’']) || word.ends_with("'s") || word.ends_with("’s")
}

/// True when `text` opens with the name of a country or a state ([`REGIONS`]) followed by no more
/// letters of a word (`Peru in 2019`, `TX.`, `New South Wales`, not `Perugia` nor `Texas
/// Instruments`), and by no more names of a list (`Kelly, Georgia and Bo` are three people).
fn opens_with_a_region(text: &str) -> bool {
    let mut end = 0;
    for _ in 0..MAX_REGION_WORDS {
        let rest = text.get(end..).unwrap_or("");
        let word = first_word(rest);
        if word.is_empty() {
            return false;
        }
        end += word.len();
        let name = text.get(..end).unwrap_or("");
        let next = text.get(end..).unwrap_or("");
        let capitalised_next = next
            .strip_prefix(' ')
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase);
        if REGIONS.binary_search(&name).is_ok() && !capitalised_next {
            return !goes_on_as_a_list(next);
        }
        if !next.starts_with(' ') {
            return false;
        }
        end += 1;
    }
    false
}

/// True when `text`, what follows an item of a list, goes on with another name (`, Bo`, ` and
/// Bo`, ` & Bo`).
fn goes_on_as_a_list(text: &str) -> bool {
    [",", " and", " &", " or"]
        .iter()
        .filter_map(|joint| text.strip_prefix(joint)?.strip_prefix(' '))
        .any(|rest| rest.chars().next().is_some_and(char::is_uppercase))
}

/// Words that put an organisation in a town after its name (`Gezondheidsdienst te
/// Rotterdam`, `the Red Cross in Leeds`, `Hôpital de la Croix à Lyon`), sorted.
const TOWN_AFTER_AN_ORG: &[&str] = &["at", "in", "of", "te", "zu", "à"];

/// A capitalised word that may be a town after an organisation's name ([`town_after`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TownAfter<'t> {
    /// The word.
    pub town: &'t str,
    /// It comes after a comma, where a list's next name comes as often (`Red Cross, Oxfam`),
    /// not after a preposition.
    pub after_comma: bool,
}

/// The capitalised word after a preposition or a comma that follows the name ending at `end`
/// of `text` (`Rotterdam` of `… Gezondheidsdienst te Rotterdam`, `Leeds` of `…, Leeds`): the
/// town it may put an organisation in.
pub fn town_after(text: &str, end: usize) -> Option<TownAfter<'_>> {
    let after = text.get(end..)?;
    let (rest, after_comma) = match after.strip_prefix(", ") {
        Some(rest) => (rest, true),
        None => {
            let rest = after.strip_prefix(' ')?;
            let word = first_word(rest);
            if TOWN_AFTER_AN_ORG.binary_search(&word).is_err() {
                return None;
            }
            (rest.get(word.len()..)?.strip_prefix(' ')?, false)
        }
    };
    let town = first_word(rest);
    (town.starts_with(char::is_uppercase)).then_some(TownAfter { town, after_comma })
}

/// The letters `text` opens with.
fn first_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(text.len());
    text.get(..end).unwrap_or("")
}

/// The letters `text` ends with.
pub(super) fn last_word(text: &str) -> &str {
    let start = text.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    text.get(start..).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(text: &str, word: &str) -> bool {
        let start = text.find(word).expect("the word is in the text");
        names_a_place(text, start..start + word.len())
    }

    #[test]
    fn a_town_after_a_preposition_or_a_comma_follows_a_name() {
        assert!(TOWN_AFTER_AN_ORG.windows(2).all(|w| w[0] < w[1]));
        for (text, name, town) in [
            (
                "the Gezondheidsdienst te Utrecht, 1920",
                "Gezondheidsdienst",
                Some(("Utrecht", false)),
            ),
            (
                "the Red Cross in Leeds.",
                "Red Cross",
                Some(("Leeds", false)),
            ),
            ("Red Cross, Leeds", "Red Cross", Some(("Leeds", true))),
            ("the Red Cross in the north", "Red Cross", None),
            ("the Red Cross helped", "Red Cross", None),
            ("the Red Cross and Oxfam", "Red Cross", None),
        ] {
            let end = text.find(name).expect("the name is in the text") + name.len();
            let got = town_after(text, end).map(|t| (t.town, t.after_comma));
            assert_eq!(got, town, "{text}");
        }
    }

    #[test]
    fn the_words_around_a_name_make_it_a_place() {
        assert!(place("Hiking in the Tatra mountains.", "Tatra"));
        assert!(place(
            "The pilot in Victoria Island is on track.",
            "Victoria"
        ));
        assert!(place("A hotel on Lake Balaton.", "Balaton"));
        assert!(place("The river Morava was high.", "Morava"));
        assert!(place("We climbed Mt. Kenya.", "Kenya"));
        assert!(place("Ferries in the Gulf of Riga.", "Riga"));
        // A company or a person named as themselves.
        assert!(!place("We met Tatra about the lease.", "Tatra"));
        assert!(!place("The Tatra deployment is live.", "Tatra"));
        assert!(!place("Victoria will join, of course.", "Victoria"));
        assert!(!place("The head of Kestrel called.", "Kestrel"));
        assert!(!place("He ran against Kari Lake. Lamb lost.", "Lamb"));
    }

    #[test]
    fn a_name_before_a_way_a_line_or_a_building_is_what_is_named_for_them() {
        assert!(place("We met on King Charles Street.", "Charles"));
        assert!(place("The Victoria line was closed.", "Victoria"));
        assert!(place("She works at Prince Alfred Hospital.", "Alfred"));
        assert!(place("We shipped to Port Elizabeth.", "Elizabeth"));
        assert!(place("The office in Fort Collins opens.", "Collins"));
        // Their own line, and a surname of that word.
        assert!(!place("Louis's line manager approved it.", "Louis's"));
        assert!(!place("Victoria Park joined the call.", "Victoria"));
    }

    #[test]
    fn a_word_one_travels_to_or_is_based_in_is_a_town() {
        assert!(place("I am flying to Sydney on Monday.", "Sydney"));
        assert!(place("The team is based in Austin now.", "Austin"));
        assert!(place("Our trip to Florence went well.", "Florence"));
        // Talking to someone, someone's office, or going back to what someone asked.
        assert!(!place("I am talking to Sydney on Monday.", "Sydney"));
        assert!(!place("I am flying to Sydney's office.", "Sydney"));
        assert!(!place("Owen moved to Sydney's team.", "Sydney's"));
        assert!(!place("I will get back to Florence tomorrow.", "Florence"));
    }

    #[test]
    fn a_word_before_a_comma_and_a_country_or_a_state_is_a_town() {
        assert!(place("She moved to Lima, Peru in 2019.", "Lima"));
        assert!(place("Flew in from Austin, TX.", "Austin"));
        assert!(place("A rep in Austin, Texas handled it.", "Austin"));
        assert!(place(
            "Offices in Wollongong, New South Wales",
            "Wollongong"
        ));
        // Another name after the comma, or a word that only begins as a region's.
        assert!(!place("Thanks Austin, Texas Instruments called.", "Austin"));
        assert!(!place("Lima, Perugia is lovely.", "Lima"));
        assert!(!place("Lima, we will call you.", "Lima"));
        // A list of people, some named as countries are.
        assert!(!place("We invited Kelly, Georgia and Bo.", "Kelly"));
        assert!(!place("Thanks Kelly, OK?", "Kelly"));
    }

    #[test]
    fn a_name_people_have_after_in_or_before_a_site_is_a_towns() {
        let town = |text: &str, word: &str| {
            let start = text.find(word).expect("the word is in the text");
            names_a_town(text, start..start + word.len()).is_some()
        };
        assert!(town("The regulator in Jordan wants a copy.", "Jordan"));
        assert!(town("We spent a week in Florence.", "Florence"));
        assert!(town("In Adelaide the rollout is done.", "Adelaide"));
        assert!(town("The Adelaide office opens in May.", "Adelaide"));
        assert!(town("Ask our Austin branch.", "Austin"));
        // German `im`, "in the", takes a place, never a person.
        assert!(town("Der Serverraum im Keller wird renoviert.", "Keller"));
        // A person brought in, trusted, or named with a possessive; no site after.
        assert!(!town("Let's loop in Florence on this.", "Florence"));
        assert!(!town("We have full confidence in Jordan.", "Jordan"));
        assert!(!town("It is in Jordan's folder.", "Jordan"));
        assert!(!town("A post in Alec's voice.", "Alec's"));
        assert!(!town("The Adelaide deck is ready.", "Adelaide"));
        assert!(!town("Adelaide office hours are 9 to 5.", "Adelaide"));
        // A list of towns after `in`, not a list of people after anything else.
        assert!(town("Revenue rose in Georgia and Jordan.", "Jordan"));
        assert!(town(
            "Offices in Lagos, Accra, Dakar or Abidjan.",
            "Abidjan"
        ));
        assert!(town("Offices in Lagos, Accra, Dakar or Abidjan.", "Accra"));
        assert!(!town(
            "Thanks to Georgia and Jordan for the notes.",
            "Jordan"
        ));
        assert!(!town("Let's loop in Florence and Jordan.", "Jordan"));
        assert!(!town("In Jordan's team and Maria's.", "Maria's"));
        // `in` as other languages write it before a town, and their own verbs of trust.
        assert!(town("La niebla en Santiago retrasó el vuelo.", "Santiago"));
        assert!(town("A reunião em Lisboa foi adiada.", "Lisboa"));
        assert!(!town("Podemos confiar en Santiago para esto.", "Santiago"));
        assert!(!town("Diego va montrer à Kyle le CMS.", "Kyle"));
    }

    #[test]
    fn the_lists_are_sorted_for_their_binary_searches() {
        for list in [
            SITES_AFTER,
            SITE_DETERMINERS,
            PERSON_AFTER_IN,
            FEATURES_AFTER,
            BUILT_AFTER,
            FEATURES_BEFORE,
            FEATURES_BEFORE_OF,
            REGIONS,
            TRAVEL_BEFORE,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }
}
