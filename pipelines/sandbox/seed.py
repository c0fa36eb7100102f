"""Deterministic seed data for the sandbox: realistic companies and people across the three systems.

`generate(size, seed)` returns each emulator's part in its native API shape (docs/architecture.md,
"Seed shape"); `size` is the number of customers *per system* (Exact accounts over the divisions,
Wave customers over two businesses, CustomPMS customers).

What the data exercises:
- Dutch, Belgian, UK, US and Canadian addresses, phones and postcodes; VAT and registration numbers
  in their real formats with valid check digits (NL: RSIN eleven-test + "B01", KvK 8 digits; BE:
  KBO 10 digits mod 97, VAT = "BE" + KBO; GB: VAT mod 97, Companies House 8 characters); none for
  US and CA, nor for private persons. Identifiers and emails are unique per company, so two
  different companies never share a match key by accident, even at 100,000 per system.
- Overlap: about 30% of the companies exist in two or three systems. Copies share the VAT number
  (Exact and CustomPMS; written differently, e.g. "NL 1234.56.789.B01"), the registration number,
  or the email (Wave has no VAT field; upper-case or capitalised now and then), so the matching
  rules can link them. Some CustomPMS copies carry another mailbox of the same company or no VAT
  number, so the VAT and registration rules are needed, not just the email one.
- Look-alikes: a few companies share a name with another one in another country, and nothing else
  (VAT, email, registration, postcode all differ): they must never be linked.
- Ugly records: unicode and whitespace-padded names, near-maximal names, empty optional fields,
  notes of 3,800-4,000 characters (CustomPMS's `notes` maxLength is 4,000: longer notes would be
  a failed write on every demo, and tests/e2e covers that case with its own record).

Everything comes from one `random.Random(seed)`; pools are precomputed and records are built with a
handful of random draws each, so 100,000 customers per system take a few seconds.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

SYSTEMS = ("exact", "wave", "custompms")

# country: (weight, currency, cities as (city, region code, postcode maker, phone area code))
# Region codes are the ISO 3166-2 subdivision without the country ("NH", "ON"); Wave gets "NL-NH".
CITIES: dict[str, list[tuple[str, str | None, tuple, str]]] = {
    "NL": [
        ("Amsterdam", "NH", (1011, 1109), "20"), ("Rotterdam", "ZH", (3011, 3089), "10"),
        ("Utrecht", "UT", (3511, 3585), "30"), ("Den Haag", "ZH", (2491, 2597), "70"),
        ("Eindhoven", "NB", (5611, 5658), "40"), ("Groningen", "GR", (9711, 9747), "50"),
        ("Zwolle", "OV", (8011, 8045), "38"), ("Haarlem", "NH", (2011, 2037), "23"),
        ("Maastricht", "LI", (6211, 6229), "43"), ("Leiden", "ZH", (2311, 2334), "71"),
        ("'s-Hertogenbosch", "NB", (5211, 5237), "73"), ("Arnhem", "GE", (6811, 6846), "26"),
    ],
    "BE": [
        ("Brussel", "BRU", (1000, 1210), "2"), ("Antwerpen", "VAN", (2000, 2660), "3"),
        ("Gent", "VOV", (9000, 9052), "9"), ("Brugge", "VWV", (8000, 8310), "50"),
        ("Leuven", "VBR", (3000, 3012), "16"), ("Liège", "WLG", (4000, 4032), "4"),
        ("Namur", "WNA", (5000, 5101), "81"), ("Mechelen", "VAN", (2800, 2812), "15"),
        ("Hasselt", "VLI", (3500, 3512), "11"), ("Charleroi", "WHT", (6000, 6061), "71"),
    ],
    "GB": [
        ("London", "ENG", ("EC1A", "EC2V", "WC2H", "SE1", "N1", "E1", "W1D"), "20"),
        ("Manchester", "ENG", ("M1", "M2", "M4"), "161"), ("Leeds", "ENG", ("LS1", "LS2", "LS11"), "113"),
        ("Bristol", "ENG", ("BS1", "BS8"), "117"), ("Birmingham", "ENG", ("B1", "B3", "B5"), "121"),
        ("Edinburgh", "SCT", ("EH1", "EH2", "EH3"), "131"), ("Glasgow", "SCT", ("G1", "G2"), "141"),
        ("Cardiff", "WLS", ("CF10", "CF11"), "29"), ("Belfast", "NIR", ("BT1", "BT2"), "28"),
    ],
    "US": [
        ("New York", "NY", (10001, 10282), "212"), ("Austin", "TX", (78701, 78759), "512"),
        ("Chicago", "IL", (60601, 60661), "312"), ("Seattle", "WA", (98101, 98199), "206"),
        ("Boston", "MA", (2108, 2215), "617"), ("Denver", "CO", (80202, 80239), "303"),
        ("San Francisco", "CA", (94102, 94134), "415"), ("Portland", "OR", (97201, 97239), "503"),
    ],
    "CA": [
        ("Toronto", "ON", ("M5V", "M5H", "M4W", "M6J"), "416"), ("Montréal", "QC", ("H2X", "H3B", "H2Y"), "514"),
        ("Vancouver", "BC", ("V6B", "V6C", "V5K"), "604"), ("Calgary", "AB", ("T2P", "T2R"), "403"),
        ("Ottawa", "ON", ("K1P", "K2P"), "613"), ("Halifax", "NS", ("B3J", "B3H"), "902"),
        ("Winnipeg", "MB", ("R3C", "R3B"), "204"), ("Québec", "QC", ("G1R", "G1K"), "418"),
    ],
}  # fmt: skip
COUNTRY_WEIGHTS = {"NL": 35, "BE": 20, "GB": 20, "US": 15, "CA": 10}
CURRENCY = {"NL": "EUR", "BE": "EUR", "GB": "GBP", "US": "USD", "CA": "CAD"}
STREETS = {
    "NL": ["Damrak", "Keizersgracht", "Stationsplein", "Dorpsstraat", "Kerkstraat", "Marktplein", "Oudegracht",
           "Industrieweg", "Havenstraat", "Molenweg", "Prinsengracht", "Zuidas"],
    "BE": ["Meir", "Grote Markt", "Rue Neuve", "Korenmarkt", "Bondgenotenlaan", "Rue de Fer", "Kouter",
           "Avenue Louise", "Steenweg op Gent", "Rue du Marché", "Veldstraat", "Nieuwstraat"],
    "GB": ["High Street", "Station Road", "Church Lane", "Victoria Road", "King Street", "Mill Lane",
           "Queen's Road", "Park Avenue", "London Road", "The Green", "Bridge Street", "Castle Street"],
    "US": ["Main Street", "Oak Avenue", "Congress Avenue", "Pine Street", "Elm Street", "Market Street",
           "5th Avenue", "Broadway", "Lake Shore Drive", "Cedar Lane", "Washington Blvd", "2nd Street"],
    "CA": ["King St W", "Rue Sainte-Catherine", "Robson St", "Stephen Ave", "Bank St", "Spring Garden Rd",
           "Yonge St", "Boulevard Saint-Laurent", "Granville St", "Portage Ave", "Queen St E", "Bay St"],
}  # fmt: skip
LINE2 = {"NL": ["2e verdieping", "Unit 4", "Achterhuis"], "BE": ["Bus 3", "Boîte 12", "2de verdieping"],
         "GB": ["Unit 4", "Suite 2", "Floor 3"], "US": ["Suite 300", "Floor 12", "Unit B"],
         "CA": ["Suite 1200", "Bureau 400", "Unit 7"]}  # fmt: skip
SUFFIXES = {"NL": ["B.V.", "B.V.", "BV", "Holding B.V.", "V.O.F."], "BE": ["BV", "NV", "SRL", "SA", "BVBA"],
            "GB": ["Ltd", "Ltd", "Limited", "LLP", "plc"], "US": ["Inc.", "LLC", "LLC", "Corp."],
            "CA": ["Inc.", "Ltd", "Corp.", "Ltée"]}  # fmt: skip
SUFFIX_VARIANT = {"B.V.": "BV", "BV": "B.V.", "Ltd": "Limited", "Limited": "Ltd", "Inc.": "Inc", "LLC": "L.L.C.",
                  "NV": "N.V.", "Corp.": "Corporation"}  # fmt: skip
WORDS = ["Noord", "Zuid", "Delta", "Polder", "Atlas", "Nova", "Orion", "Maple", "Harbour", "Summit", "Vista",
         "Linden", "Beacon", "Cedar", "Falcon", "Granite", "Horizon", "Meridian", "Pioneer", "Riverside", "Sterling",
         "Tulip", "Windmill", "Brick", "Copper", "Lumen", "Quartz", "Zenith", "Kestrel", "Aurora", "Blue Fern",
         "Northgate", "Oakridge", "Silverline", "Greenfield", "Lighthouse", "Dijkstra", "Vlaanderen", "Schelde",
         "Thames", "Highland", "Prairie", "Laurentian", "Pacific", "Atlantic", "Keystone", "Evergreen", "Ironwood",
         "Redwood", "Bluebird", "Starling", "Hazel", "Juniper", "Alder", "Willow", "Orchid", "Saffron", "Indigo"]
TRADES = {
    "NL": ["Bouw", "Installatietechniek", "Advies", "Transport", "Schilderwerken", "Tandartsen", "Logistiek",
           "Accountants", "Makelaardij", "Automatisering", "Bakkerij", "Fietsen", "Hoveniers", "Media"],
    "BE": ["Bouwwerken", "Consultancy", "Menuiserie", "Boulangerie", "Transport", "Architecten", "Immo",
           "Brasserie", "Elektriciteit", "Comptabilité", "Chocolaterie", "Verzekeringen", "Drukkerij"],
    "EN": ["Trading", "Logistics", "Consulting", "Design", "Foods", "Software", "Dental", "Architects", "Coffee",
           "Legal", "Energy", "Print", "Construction", "Analytics", "Plumbing", "Studios", "Engineering"],
}  # fmt: skip
FIRST = ["Anna", "Sem", "Lotte", "Daan", "Emma", "Lucas", "Sophie", "Noah", "Olivia", "James", "Amélie", "Liam",
         "Chloé", "Oliver", "Fleur", "Jack", "Mila", "Thomas", "Zoë", "Ethan", "Saanvi", "Mohammed", "Jan",
         "Marie", "Pieter", "Élodie", "Hannah", "William", "Aisha", "Mateo", "Noor", "Finn", "Grace", "Wei"]
LAST = ["de Vries", "Jansen", "Peeters", "Maes", "Smith", "Jones", "Johnson", "Tremblay", "Roy", "Bakker",
        "Janssens", "Williams", "Brown", "Gagnon", "Visser", "Claes", "Taylor", "Martin", "van Dijk", "Nguyen",
        "Dubois", "O'Connor", "Van den Broeck", "Singh", "MacDonald", "Côté", "El Amrani", "Kowalski", "Garcia"]
UGLY_NAMES = ["Zoë Ærøskøbing 株式会社", "Ünïcödé Ťrädïng ГмбХ", "Ω-Omega & Søn", "Café 'L'Étoile' SPRL",
              "株式会社 東京ソフト", "O'Brien & Daughters Ltd", "Émile Zola S.A.", "Bäckerei 🥨 Müller",
              "Ĳsselmeer Visserij B.V.", "Þórður & Co ehf.", "Łódź Trading Sp. z o.o.", "مطعم الأندلس"]
SHORT_NOTES = ["Prefers invoices by email.", "Betaalt altijd na herinnering.", "Key account, call before visiting.",
               "Facturen per kwartaal.", "Ask for the finance department.", "Contact via the project manager.",
               "Nouveau client 2024.", "VAT reverse-charged (intra-EU).", "PO number required on invoices."]
LOREM = ("Klant sinds 2012. Facturen per kwartaal, betaling binnen dertig dagen. Contactpersoon wisselt vaak; "
         "altijd het algemene adres gebruiken. Customer since 2012; quarterly invoicing, net 30. Le client "
         "préfère être contacté par e-mail. ")
LONG_TEXT = LOREM * (4000 // len(LOREM) + 2)
ALT_MAILBOX = ["administratie", "accounts", "billing", "finance", "facturen", "comptabilite"]
DEPARTMENTS = [("Sales", "Verkoop binnendienst en accountmanagement."), ("Operations", "Planning and delivery."),
               ("Finance", "Debiteuren, crediteuren en salarisadministratie."), ("Support", "Helpdesk, 2nd line."),
               ("Projects", "Fixed-price projects and implementations."), ("Marketing", "")]
DIVISION_NAMES = ["Noordzee Holding B.V.", "Noordzee Benelux BV", "Noordzee UK Ltd", "Noordzee Retail B.V."]

_DEACCENT = {ord(ch): None for ch in "'’&.,()"}


@dataclass(slots=True)
class Company:
    """One real-world customer, before it is written into one or more systems."""

    n: int
    code: str
    name: str
    suffix: str | None
    person: bool
    country: str
    city: str
    region: str | None
    street: str
    line2: str | None
    postcode: str
    vat: str | None
    registration: str | None
    email: str
    phone: str
    mobile: str | None
    fax: str | None
    website: str | None
    first_name: str | None
    last_name: str | None
    notes: str | None
    inactive: bool = False


class _Gen:
    """Draws companies from one Random; identifiers and emails never repeat."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.r = rng.random
        self.used: set[str] = set()
        self.countries = list(COUNTRY_WEIGHTS)
        self.cum_weights = []
        total = 0
        for country in self.countries:
            total += COUNTRY_WEIGHTS[country]
            self.cum_weights.append(total)

    def between(self, low: int, high: int) -> int:
        """`randint` without its argument checks (they were a third of the generator's time)."""
        return low + int(self.r() * (high - low + 1))

    def pick(self, pool: list | tuple):
        return pool[int(self.r() * len(pool))]

    def unique(self, make) -> str:
        while True:
            value = make()
            if value is not None and value not in self.used:
                self.used.add(value)
                return value

    # ------------------------------------------------------------------ identifiers

    def nl_vat(self) -> str:
        def make() -> str | None:  # RSIN with the eleven-test, then B01 (B02/B03 for a second VAT unit)
            body = self.between(10_000_000, 99_999_999)
            digits = f"{body:08d}"
            check = sum(w * int(d) for w, d in zip((9, 8, 7, 6, 5, 4, 3, 2), digits)) % 11
            if check == 10:
                return None
            unit = "B01" if self.r() < 0.9 else self.pick(("B02", "B03"))
            return f"NL{digits}{check}{unit}"

        return self.unique(make)

    def be_kbo(self) -> str:
        def make() -> str:
            body = self.between(2_000_000, 19_999_999)  # 0200.000.0xx .. 1999.999.9xx
            return f"{body:08d}{97 - body % 97:02d}"

        return self.unique(make)

    def gb_vat(self) -> str:
        def make() -> str:
            body = self.between(1_000_000, 9_999_999)
            total = sum(w * int(d) for w, d in zip((8, 7, 6, 5, 4, 3, 2), str(body)))
            return f"GB{body}{-total % 97:02d}"

        return self.unique(make)

    def gb_company_number(self, llp: bool) -> str:
        def make() -> str:
            roll = self.r()
            if llp:
                return f"OC{self.between(300_000, 449_999)}"
            if roll < 0.08:
                return f"SC{self.between(100_000, 799_999)}"
            if roll < 0.11:
                return f"NI{self.between(600_000, 699_999):06d}"
            return f"{self.between(1_000_000, 14_999_999):08d}"

        return self.unique(make)

    def nl_kvk(self) -> str:
        return self.unique(lambda: str(self.between(10_000_000, 99_999_999)))

    # ------------------------------------------------------------------ addresses and phones

    def postcode(self, country: str, maker: tuple) -> str:
        r, num, pick = self.r, self.between, self.pick
        if country == "NL":
            return f"{num(*maker)} {pick('ABCDEGHJKLMNPRSTVWXZ')}{pick('ABCDEGHJKLMNPRSTVWXZ')}"
        if country == "BE":
            return str(num(*maker))
        if country == "GB":
            letters = "ABDEFGHJLNPQRSTUWXYZ"
            return f"{pick(maker)} {num(1, 9)}{pick(letters)}{pick(letters)}"
        if country == "US":
            zip5 = f"{num(*maker):05d}"
            return f"{zip5}-{num(1000, 9999)}" if r() < 0.1 else zip5
        return f"{pick(maker)} {num(1, 9)}{pick('ABCEGHJKLMNPRSTVWXYZ')}{num(0, 9)}"

    def phone(self, country: str, area: str, mobile: bool = False) -> str:
        num = self.between
        if country == "NL":
            if mobile:
                return f"+31 6 {num(1000, 9999)} {num(1000, 9999)}"
            return f"+31 {area} {num(100, 999)} {num(1000, 9999)}"
        if country == "BE":
            if mobile:
                return f"+32 4{num(70, 99)} {num(10, 99)} {num(10, 99)} {num(10, 99)}"
            head = num(100, 999) if len(area) == 1 else num(10, 99)
            return f"+32 {area} {head} {num(10, 99)} {num(10, 99)}"
        if country == "GB":
            if mobile:
                return f"+44 7700 {num(900000, 900999)}"  # Ofcom's range for drama
            head = num(1000, 9999) if len(area) == 2 else num(100, 999)
            return f"+44 {area} {head} {num(1000, 9999)}"
        return f"+1 {area}-555-{num(100, 199):04d}"  # 555-0100..0199: reserved for fiction

    # ------------------------------------------------------------------ one company

    def company(self, n: int, country: str | None = None) -> Company:
        r, pick = self.r, self.pick
        if country is None:
            x = r() * self.cum_weights[-1]
            country = next(c for c, w in zip(self.countries, self.cum_weights) if x < w)
        city, region, maker, area = pick(CITIES[country])
        person = r() < 0.15
        first, last = pick(FIRST), pick(LAST)
        suffix = None
        trades = TRADES.get(country, TRADES["EN"])
        if person:
            name = f"{first} {last}"
        else:
            suffix = pick(SUFFIXES[country])
            shape = r()
            if shape < 0.5:
                stem = f"{pick(WORDS)} {pick(trades)}"
            elif shape < 0.8:
                stem = f"{last[0].upper()}{last[1:]} {pick(trades)}"
            else:
                stem = f"{pick(LAST)} & {pick(LAST)}"
            name = f"{stem} {suffix}"
        slug = _slug(name if person else name[: -len(suffix)])
        if person:
            email = f"{slug.replace('-', '.')}.{n}@mail.example"
            website = None
        else:
            email = f"{pick(('info', 'info', 'hello', 'contact', 'office', 'sales'))}@{slug}-{n}.example"
            website = f"https://www.{slug}-{n}.example" if r() < 0.7 else None
        vat = registration = None
        if not person:
            if country == "NL":
                vat, registration = self.nl_vat(), self.nl_kvk()
            elif country == "BE":
                registration = self.be_kbo()
                vat = f"BE{registration}"
            elif country == "GB":
                vat = self.gb_vat() if r() < 0.85 else None  # small UK companies need not register for VAT
                registration = self.gb_company_number(suffix == "LLP")
        return Company(
            n=n, code=str(10_000 + n), name=name, suffix=suffix, person=person, country=country, city=city,
            region=region if r() < 0.8 or country in ("US", "CA") else None,
            street=f"{pick(STREETS[country])} {int(r() * 250) + 1}" if country in ("NL", "BE")
            else f"{int(r() * (250 if country == 'GB' else 2500)) + 1} {pick(STREETS[country])}",
            line2=pick(LINE2[country]) if r() < 0.1 else None,
            postcode=self.postcode(country, maker), vat=vat, registration=registration, email=email,
            phone=self.phone(country, area), mobile=self.phone(country, area, mobile=True) if r() < 0.4 else None,
            fax=self.phone(country, area) if country in ("NL", "BE") and r() < 0.05 else None,
            website=website,
            first_name=first if person or r() < 0.7 else None,
            last_name=last if person or r() < 0.7 else None,
            notes=pick(SHORT_NOTES) if r() < 0.1 else None,
        )

    def uglify(self, c: Company, kind: int) -> None:
        r = self.r
        if kind == 0:  # unicode name
            c.name, c.suffix = self.pick(UGLY_NAMES), None
        elif kind == 1:  # every optional field empty: "" where people leave a field blank, else absent
            c.email, c.phone, c.street, c.postcode = "", "", "", ""
            c.mobile = c.fax = c.website = c.line2 = c.region = c.first_name = c.last_name = c.notes = None
        elif kind == 2:  # notes as long as CustomPMS takes them
            start = int(r() * len(LOREM))
            c.notes = LONG_TEXT[start: start + 3800 + int(r() * 201)]
        elif kind == 3:  # whitespace and shouting
            c.name, c.suffix = f"  {c.name.upper()}  ", None
        else:  # a name near CustomPMS's 200-character limit
            c.name, c.suffix = (c.name + " " + " ".join(self.pick(WORDS) for _ in range(40)))[:195].strip(), None


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().translate(_DEACCENT)
    return "-".join(ascii_text.lower().split()) or "klant"


def _vat_written_differently(vat: str, how: int) -> str:
    country, digits = vat[:2], vat[2:]
    if how == 0:
        return vat.lower()
    if country == "NL":  # NL 1234.56.789.B01
        return f"NL {digits[:4]}.{digits[4:6]}.{digits[6:9]}.{digits[9:]}"
    if country == "BE":  # BE 0123.456.749
        return f"BE {digits[:4]}.{digits[4:7]}.{digits[7:]}"
    return f"GB {digits[:3]} {digits[3:7]} {digits[7:]}"  # GB 123 4567 89


def _email_variant(email: str, how: float) -> str:
    if not email:
        return email
    if how < 0.5:
        return email.upper()
    local, _, domain = email.partition("@")
    return f"{local.capitalize()}@{domain.capitalize()}"


# ---------------------------------------------------------------------- per system


def _exact_account(c: Company, email: str, vat: str | None, name: str) -> dict:
    return {
        "Name": name, "Code": c.code, "Email": email, "Phone": c.phone, "Fax": c.fax, "Website": c.website,
        "VATNumber": vat, "ChamberOfCommerce": c.registration, "AddressLine1": c.street, "AddressLine2": c.line2,
        "Postcode": c.postcode, "City": c.city, "State": c.region, "Country": c.country, "Remarks": c.notes,
        "Status": "C", "Blocked": c.inactive,
    }  # fmt: skip


def _wave_customer(c: Company, email: str, name: str) -> dict:
    return {
        "name": name.strip() or c.code, "firstName": c.first_name, "lastName": c.last_name, "displayId": c.code,
        "email": email or None, "mobile": c.mobile, "phone": c.phone or None, "fax": c.fax, "website": c.website,
        "internalNotes": c.notes, "currency": CURRENCY[c.country],
        "address": {"addressLine1": c.street or None, "addressLine2": c.line2, "city": c.city,
                    "provinceCode": f"{c.country}-{c.region}" if c.region else None, "countryCode": c.country,
                    "postalCode": c.postcode or None},
        "isArchived": c.inactive,
    }  # fmt: skip


def _custompms_customer(c: Company, email: str | None, vat: str | None, name: str, code: bool) -> dict:
    body = {
        "name": name.strip(), "kind": "person" if c.person else "organisation", "code": c.code if code else None,
        "email": email, "phone": c.phone or None, "mobile": c.mobile, "fax": c.fax, "website": c.website,
        "notes": c.notes, "vat_number": vat, "registration_number": c.registration, "currency": CURRENCY[c.country],
        "address": {k: v for k, v in (("line1", c.street or None), ("line2", c.line2), ("postal_code", c.postcode
                    or None), ("city", c.city), ("region", c.region), ("country", c.country)) if v is not None},
        "active": not c.inactive,
    }  # fmt: skip
    if c.first_name or c.last_name:
        body["contact"] = {"first_name": c.first_name, "last_name": c.last_name}
    return {k: v for k, v in body.items() if v is not None}


# ---------------------------------------------------------------------- the seed


def generate(size: int = 200, seed: int = 42, divisions: tuple[int, ...] = (101, 102)) -> dict:
    """`size` customers per system, the same dict for the same arguments."""
    if size < 0 or not divisions:
        raise ValueError("size must be >= 0 and there must be at least one division")
    rng = random.Random(seed)
    gen = _Gen(rng)
    r = rng.random
    accounts: dict[int, list[dict]] = {d: [] for d in divisions}
    wave_eu: list[dict] = []  # customers of the EUR business (NL, BE)
    wave_na: list[dict] = []  # customers of the CAD business (everyone else)
    pms: list[dict] = []
    counts = dict.fromkeys(SYSTEMS, 0)
    n = 0

    def room(system: str) -> bool:
        return counts[system] < size

    def add(system: str, c: Company, *, shared: bool) -> None:
        """One copy of a company in one system, written the way that system's users write it."""
        counts[system] += 1
        name = c.name
        if shared and c.suffix in SUFFIX_VARIANT and r() < 0.1:
            name = name[: -len(c.suffix)] + SUFFIX_VARIANT[c.suffix]
        email = c.email
        if system == "exact":
            if shared and r() < 0.1:
                email = _email_variant(email, r())
            vat = c.vat.lower() if c.vat and shared and r() < 0.05 else c.vat
            accounts[divisions[int(r() * len(divisions))]].append(_exact_account(c, email, vat, name))
        elif system == "wave":
            if shared and r() < 0.3:
                email = _email_variant(email, r())
            (wave_eu if c.country in ("NL", "BE") else wave_na).append(_wave_customer(c, email, name))
        else:
            vat = c.vat
            if shared and vat:
                roll = r()
                if roll < 0.5:
                    vat = _vat_written_differently(vat, int(r() * 3))
                elif roll < 0.6 and c.registration:
                    vat = None  # only the registration number links it
                elif roll < 0.85 and email:  # another mailbox of the same company: the VAT number links it
                    email = f"{gen.pick(ALT_MAILBOX)}@{email.partition('@')[2]}"
            if shared and r() < 0.15:
                email = _email_variant(email, r())
            pms.append(_custompms_customer(c, email or None, vat, name, code=shared or r() < 0.5))

    while any(room(system) for system in SYSTEMS):
        n += 1
        c = gen.company(n)
        if n % 40 == 17:
            gen.uglify(c, (n // 40) % 5)
        roll = r()
        if roll < 0.10:
            wanted = ["exact", "wave", "custompms"]
        elif roll < 0.18:
            wanted = ["exact", "custompms"]
        elif roll < 0.25:
            wanted = ["exact", "wave"]
        elif roll < 0.30:
            wanted = ["wave", "custompms"]
        else:
            open_systems = [system for system in SYSTEMS if room(system)]
            wanted = [gen.pick(open_systems)]
        wanted = [system for system in wanted if room(system)]
        if not wanted:
            continue
        shared = len(wanted) > 1
        if not shared and r() < 0.02:
            c.inactive = True  # blocked in Exact, archived in Wave, inactive in CustomPMS
        for system in wanted:
            add(system, c, shared=shared)
        if n % 60 == 31:  # a look-alike: same name, another country, nothing else in common
            open_systems = [system for system in SYSTEMS if room(system) and system not in wanted]
            if open_systems:
                twin = gen.company(n + 5_000_000, country=gen.pick([k for k in CITIES if k != c.country]))
                twin.name, twin.suffix, twin.person = c.name, c.suffix, c.person
                add(gen.pick(open_systems), twin, shared=False)

    return {
        "exact": {
            "divisions": [_division(gen, d, i) for i, d in enumerate(divisions)],
            "accounts": accounts,
            "departments": {
                d: [{"Code": f"D{j:02d}", "Description": name, "Notes": notes}
                    for j, (name, notes) in enumerate(DEPARTMENTS[i % 3: i % 3 + 2 + i % 3], start=1)]
                for i, d in enumerate(divisions)
            },
        },
        "wave": {
            "businesses": [
                {"name": "Maple & Tulip Studio Inc.", "currency": "CAD", "customers": wave_na},
                {"name": "Tulp Ontwerpstudio B.V.", "currency": "EUR", "customers": wave_eu},
            ]
        },
        "custompms": {"customers": pms},
    }


def _division(gen: _Gen, code: int, i: int) -> dict:
    """An Exact division (an administration of the user's own company), in NL, BE or GB."""
    country = ("NL", "BE", "GB", "NL")[i % 4]
    city, region, maker, area = CITIES[country][i % 3]
    if country == "NL":
        vat, registration = gen.nl_vat(), gen.nl_kvk()
    elif country == "BE":
        registration = gen.be_kbo()
        vat = f"BE{registration}"
    else:
        vat, registration = gen.gb_vat(), gen.gb_company_number(False)
    slug = _slug(DIVISION_NAMES[i % 4])
    return {
        "Code": code, "Description": f"{DIVISION_NAMES[i % 4]}" + (f" ({code})" if i >= 4 else ""), "Status": 1,
        "Currency": CURRENCY[country], "Country": country, "City": city, "State": region,
        "AddressLine1": f"{gen.pick(STREETS[country])} {i + 1}", "Postcode": gen.postcode(country, maker),
        "Phone": gen.phone(country, area), "Email": f"administratie@{slug}-{code}.example",
        "Website": f"https://www.{slug}.example", "VATNumber": vat, "ChamberOfCommerceNumber": registration,
    }  # fmt: skip
