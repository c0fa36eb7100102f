"""Deterministic seed data for the sandbox: realistic companies and people across the three systems.

`generate(size, seed)` returns each emulator's part in its native API shape (docs/architecture.md,
"Seed shape"). About a third of the companies exist in two or three systems and share a VAT number
or an email, written differently the way people do ("NL 1234.56.789.B01", upper-case emails), so
the matching rules can link them; a few look-alikes share a name but nothing that identifies them
and must stay apart; a few ugly records have unicode names, empty fields or very long notes.
Everything comes from one `random.Random(seed)`, and pools are precomputed so that 100,000
customers per system take seconds, not minutes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

COUNTRIES = {  # country: (weight, cities with postcode/province makers)
    "NL": (35, ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Groningen", "Zwolle", "Haarlem"]),
    "BE": (20, ["Brussel", "Antwerpen", "Gent", "Brugge", "Leuven", "Liège", "Namur"]),
    "GB": (20, ["London", "Manchester", "Leeds", "Bristol", "Edinburgh", "Cardiff"]),
    "US": (15, ["New York", "Austin", "Chicago", "Seattle", "Boston", "Denver"]),
    "CA": (10, ["Toronto", "Montréal", "Vancouver", "Calgary", "Ottawa", "Halifax"]),
}
PROVINCES = {"US": ["NY", "TX", "IL", "WA", "MA", "CO"], "CA": ["ON", "QC", "BC", "AB", "ON", "NS"]}
CURRENCY = {"NL": "EUR", "BE": "EUR", "GB": "GBP", "US": "USD", "CA": "CAD"}
PHONE = {"NL": "+31", "BE": "+32", "GB": "+44", "US": "+1", "CA": "+1"}
STREETS = {
    "NL": ["Damrak", "Keizersgracht", "Stationsplein", "Dorpsstraat", "Kerkstraat", "Marktplein"],
    "BE": ["Meir", "Grote Markt", "Rue Neuve", "Korenmarkt", "Bondgenotenlaan", "Rue de Fer"],
    "GB": ["High Street", "Station Road", "Church Lane", "Victoria Road", "King Street", "Mill Lane"],
    "US": ["Main Street", "Oak Avenue", "Congress Avenue", "Pine Street", "Elm Street", "Market Street"],
    "CA": ["King St W", "Rue Sainte-Catherine", "Robson St", "Stephen Ave", "Bank St", "Spring Garden Rd"],
}
SUFFIX = {"NL": ["B.V.", "BV", "Holding B.V.", "V.O.F."], "BE": ["BV", "NV", "SRL", "BVBA"],
          "GB": ["Ltd", "Limited", "LLP", "plc"], "US": ["Inc.", "LLC", "Corp."], "CA": ["Inc.", "Ltd", "Corp."]}
WORDS = ["Noord", "Zuid", "Delta", "Polder", "Atlas", "Nova", "Orion", "Maple", "Harbour", "Summit", "Vista",
         "Linden", "Beacon", "Cedar", "Falcon", "Granite", "Horizon", "Meridian", "Pioneer", "Riverside",
         "Sterling", "Tulip", "Windmill", "Brick", "Copper", "Lumen", "Quartz", "Zenith", "Kestrel", "Aurora"]
TRADES = ["Trading", "Logistics", "Bouw", "Consulting", "Design", "Foods", "Software", "Advies", "Transport",
          "Installaties", "Media", "Dental", "Architects", "Bikes", "Coffee", "Legal", "Energy", "Print"]
FIRST = ["Anna", "Sem", "Lotte", "Daan", "Emma", "Lucas", "Sophie", "Noah", "Olivia", "James", "Amélie",
         "Liam", "Chloé", "Oliver", "Fleur", "Jack", "Mila", "Thomas", "Zoë", "Ethan", "Saanvi", "Mohammed"]
LAST = ["de Vries", "Jansen", "Peeters", "Maes", "Smith", "Jones", "Johnson", "Tremblay", "Roy", "Bakker",
        "Janssens", "Williams", "Brown", "Gagnon", "Visser", "Claes", "Taylor", "Martin", "van Dijk", "Nguyen"]
UGLY_NAMES = ["Zoë Ærøskøbing 株式会社", "Ünïcödé Ťrädïng ГмбХ", "  Leading Spaces BV  ", "Ω-Omega & Søn",
              "Café 'L'Étoile' SPRL", "株式会社 東京ソフト", "O'Brien & Daughters Ltd", "Émile Zola S.A."]
LOREM = ("Klant sinds 2012. Facturen per kwartaal, betaling binnen dertig dagen. Contactpersoon wisselt vaak; "
         "altijd het algemene adres gebruiken. ")


@dataclass
class Company:
    """One real-world customer, before it is written into one or more systems."""

    n: int
    name: str
    country: str
    city: str
    province: str | None
    street: str
    postcode: str
    vat: str | None
    registration: str | None
    email: str
    phone: str
    website: str | None
    first_name: str | None
    last_name: str | None
    person: bool
    notes: str | None


def _postcode(rng: random.Random, country: str) -> str:
    if country == "NL":
        return f"{rng.randint(1000, 9999)} {rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}{rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}"
    if country == "BE":
        return str(rng.randint(1000, 9999))
    if country == "GB":
        inward = f"{rng.randint(1, 9)}{rng.choice('ABDEFGHJ')}{rng.choice('LNPQRSTUWXYZ')}"
        return f"{rng.choice(['EC1A', 'M1', 'LS1', 'BS1', 'EH1', 'CF10'])} {inward}"
    if country == "US":
        return f"{rng.randint(10000, 99999)}"
    letters = "ABCEGHJ"
    return (f"{rng.choice('KLMNPT')}{rng.randint(1, 9)}{rng.choice(letters)} "
            f"{rng.randint(1, 9)}{rng.choice(letters)}{rng.randint(1, 9)}")


def _ids(rng: random.Random, country: str) -> tuple[str | None, str | None]:
    """VAT and chamber-of-commerce numbers in each country's real format (none for US and CA)."""
    if country == "NL":
        return f"NL{rng.randint(0, 999_999_999):09d}B{rng.randint(1, 99):02d}", f"{rng.randint(10_000_000, 99_999_999)}"
    if country == "BE":
        digits = f"0{rng.randint(200_000_000, 999_999_999)}"
        return f"BE{digits}", digits
    if country == "GB":
        company_number = f"{rng.choice(['', 'SC', 'NI'])}{rng.randint(100_000, 999_999):06d}".rjust(8, "0")
        return f"GB{rng.randint(100_000_000, 999_999_999)}", company_number
    return None, None


def _company(rng: random.Random, n: int) -> Company:
    country = rng.choices(list(COUNTRIES), weights=[w for w, _ in COUNTRIES.values()])[0]
    cities = COUNTRIES[country][1]
    i = rng.randrange(len(cities))
    person = rng.random() < 0.15
    first, last = rng.choice(FIRST), rng.choice(LAST)
    if person:
        name = f"{first} {last}"
    else:
        name = f"{rng.choice(WORDS)} {rng.choice(TRADES)} {rng.choice(SUFFIX[country])}"
    vat, registration = _ids(rng, country) if not person else (None, None)
    slug = "".join(ch for ch in name.lower().split(" ")[0] if ch.isalnum()) or "klant"
    domain = f"{slug}{n}.example"
    province = PROVINCES[country][i] if country in PROVINCES else None
    return Company(
        n=n, name=name, country=country, city=cities[i], province=province,
        street=f"{rng.choice(STREETS[country])} {rng.randint(1, 250)}", postcode=_postcode(rng, country),
        vat=vat, registration=registration, email=f"{'info' if not person else first.lower()}@{domain}",
        phone=f"{PHONE[country]} {rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        website=f"https://www.{domain}" if rng.random() < 0.6 else None,
        first_name=first if rng.random() < 0.7 else None, last_name=last if rng.random() < 0.7 else None,
        person=person, notes=None,
    )


def _uglify(rng: random.Random, company: Company) -> None:
    kind = rng.randrange(3)
    if kind == 0:
        company.name = rng.choice(UGLY_NAMES)
    elif kind == 1:  # empty optional fields
        company.phone, company.website, company.street, company.postcode = "", None, "", ""
    else:
        company.notes = (LOREM * 60)[: rng.randint(3000, 3990)]


def _vat_written_differently(vat: str | None, rng: random.Random) -> str | None:
    if not vat or rng.random() < 0.5:
        return vat
    country, digits = vat[:2], vat[2:]
    return f"{country} {digits[:4]}.{digits[4:6]}.{digits[6:]}"


# ---------------------------------------------------------------------- per system


def _exact_account(c: Company, rng: random.Random) -> dict:
    return {"Name": c.name, "Code": str(1000 + c.n), "Email": c.email, "Phone": c.phone, "Website": c.website,
            "VATNumber": c.vat, "ChamberOfCommerce": c.registration, "AddressLine1": c.street,
            "Postcode": c.postcode, "City": c.city, "State": c.province, "Country": c.country,
            "Remarks": c.notes}


def _wave_customer(c: Company, rng: random.Random) -> dict:
    email = c.email.upper() if rng.random() < 0.3 else c.email
    return {"name": c.name, "firstName": c.first_name, "lastName": c.last_name, "displayId": f"W{c.n:06d}",
            "email": email, "phone": c.phone or None, "website": c.website, "internalNotes": c.notes,
            "currency": CURRENCY[c.country],
            "address": {"addressLine1": c.street or None, "city": c.city, "provinceCode": c.province,
                        "countryCode": c.country, "postalCode": c.postcode or None}}


def _custompms_customer(c: Company, rng: random.Random) -> dict:
    body = {"name": c.name.strip() or "Unnamed", "kind": "person" if c.person else "organisation",
            "email": c.email, "phone": c.phone or None, "website": c.website, "notes": c.notes,
            "vat_number": _vat_written_differently(c.vat, rng), "registration_number": c.registration,
            "currency": CURRENCY[c.country],
            "address": {"line1": c.street or None, "postal_code": c.postcode or None, "city": c.city,
                        "region": c.province, "country": c.country}}
    if c.first_name or c.last_name:
        body["contact"] = {"first_name": c.first_name, "last_name": c.last_name}
    return {k: v for k, v in body.items() if v is not None}


def generate(size: int = 200, seed: int = 42, divisions: tuple[int, ...] = (101, 102)) -> dict:
    """`size` customers per system. About 30% of the companies appear in more than one system."""
    rng = random.Random(seed)
    exact_accounts: dict[int, list[dict]] = {d: [] for d in divisions}
    wave_customers: list[dict] = []
    pms_customers: list[dict] = []
    n = 0
    while min(sum(map(len, exact_accounts.values())), len(wave_customers), len(pms_customers)) < size:
        n += 1
        company = _company(rng, n)
        if rng.random() < 0.02:
            _uglify(rng, company)
        roll = rng.random()  # which systems know this company
        systems = ({"exact", "wave", "custompms"} if roll < 0.10 else {"exact", "wave"} if roll < 0.20
                   else {"exact", "custompms"} if roll < 0.30 else {rng.choice(["exact", "wave", "custompms"])})
        if "exact" in systems and sum(map(len, exact_accounts.values())) < size:
            exact_accounts[divisions[n % len(divisions)]].append(_exact_account(company, rng))
        if "wave" in systems and len(wave_customers) < size:
            wave_customers.append(_wave_customer(company, rng))
        if "custompms" in systems and len(pms_customers) < size:
            pms_customers.append(_custompms_customer(company, rng))
        if rng.random() < 0.01:  # a look-alike: same name, nothing else in common; must not be linked
            twin = _company(rng, n + 1_000_000)
            twin.name = company.name
            if len(wave_customers) < size:
                wave_customers.append(_wave_customer(twin, rng))
    half = (len(wave_customers) + 1) // 2
    return {
        "exact": {
            "divisions": [
                {"Code": d, "Description": f"{['Holding', 'Benelux', 'UK', 'Retail'][i % 4]} {d}", "Status": 1,
                 "Currency": "EUR", "Country": "NL" if i % 2 == 0 else "BE",
                 "City": "Utrecht" if i % 2 == 0 else "Gent", "VATNumber": f"NL{800_000_000 + d:09d}B01",
                 "ChamberOfCommerceNumber": f"{30_000_000 + d}", "Email": f"admin{d}@holding.example"}
                for i, d in enumerate(divisions)
            ],
            "accounts": exact_accounts,
            "departments": {
                d: [{"Code": f"D{j:02d}", "Description": name, "Notes": ""}
                    for j, name in enumerate(["Sales", "Operations", "Finance"][: 2 + (i % 2)], start=1)]
                for i, d in enumerate(divisions)
            },
        },
        "wave": {
            "businesses": [
                {"name": "Maple Consulting", "currency": "CAD", "customers": wave_customers[:half]},
                {"name": "Tulip Studio", "currency": "EUR", "customers": wave_customers[half:]},
            ]
        },
        "custompms": {"customers": pms_customers},
    }
