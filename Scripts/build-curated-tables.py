#!/usr/bin/env python3
"""Builds the curated, entity and lexicon tables of reference-data/ from ../shared/reference-sources.

Usage: build-curated-tables.py SOURCES_DIR REFERENCE_DATA_DIR

Every figure comes from curated/topical-facts.csv or .md (row ids are kept in row_id, with the
source, quote and confidence of each row); codes and names come from datasets-country-codes
(PDDL), demonyms and alternative spellings from mledoze/countries (ODbL, attribution kept), and
aggregate codes from the WDI data. Hand-written tables (aliases, aggregate members, the indicator
lexicon) live in Scripts/curated/ and are copied with their metadata. Output is deterministic.
"""
import csv
import io
import json
import os
import sys

SOURCES, OUT = sys.argv[1], sys.argv[2]
HERE = os.path.dirname(os.path.abspath(__file__))
FACT_COLUMNS = ["row_id", "indicator", "entity", "partner", "scope", "period", "effective_date", "value", "unit",
                "source_publisher", "source_url", "quote", "confidence", "notes"]
TOPICAL_VINTAGE = "2026-01-23"  # the newest source the compilation cites; the compilation itself is undated
TOPICAL_ORIGIN = "shared/reference-sources/curated/topical-facts.csv and topical-facts.md (sections named per row)"


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write_table(relative, columns, rows, meta):
    path = os.path.join(OUT, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(column, "") for column in columns])
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(buffer.getvalue())
    entity_key = "entity" if "entity" in columns else "code"
    periods = sorted(r["period"] for r in rows if r.get("period"))
    meta = dict(meta)
    meta["file"] = os.path.basename(path)
    meta["coverage"] = {"rows": len(rows), "entities": len({r.get(entity_key, "") for r in rows}),
                        "firstPeriod": periods[0] if periods else None,
                        "lastPeriod": periods[-1] if periods else None}
    meta_path = path[:-4] + ".meta.json"
    with open(meta_path, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(meta, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


def curated_meta(table_id, title, kind, indicators, unit, notes, value_range=None, keys=None):
    return {
        "id": table_id, "title": title, "kind": kind, "indicators": indicators, "unit": unit, "scale": 1,
        "publisher": "figcheck curation of public sources (named on each row)",
        "dataset": "Topical facts 2025", "seriesCode": None, "url": "see source_url on each row",
        "licence": "MIT", "attribution": "figcheck curated facts; each finding names its row's original source",
        "vintage": TOPICAL_VINTAGE, "retrieved": TOPICAL_VINTAGE, "obtainedFrom": TOPICAL_ORIGIN,
        "keyColumns": keys or ["indicator", "entity", "partner", "scope", "period"],
        "valueRange": value_range, "notes": notes,
    }


FACTS = {row["id"]: row for row in read_csv(os.path.join(SOURCES, "curated/topical-facts.csv"))}


def fact(row_id, indicator, entity, value=None, unit=None, period=None, effective=None, partner="", scope="",
         notes=None, publisher=None, url=None, quote=None, confidence=None):
    """A curated row built from topical-facts.csv row `row_id`; overrides come from the .md (named in notes)."""
    source = FACTS.get(row_id, {})
    return {
        "row_id": row_id, "indicator": indicator, "entity": entity, "partner": partner, "scope": scope,
        "period": period if period is not None else source.get("period_or_effective", ""),
        "effective_date": effective or "", "value": value if value is not None else source["value"],
        "unit": unit if unit is not None else source["unit"],
        "source_publisher": publisher or source["source_publisher"], "source_url": url or source["source_url"],
        "quote": quote or source["quote"], "confidence": confidence or source["confidence"],
        "notes": notes if notes is not None else source.get("notes", ""),
    }


def tariffs():
    total, fentanyl, reciprocal = ("us_additional_tariff_total", "us_additional_tariff_fentanyl_layer",
                                   "us_additional_tariff_reciprocal_layer")
    rows = [
        fact("T1", total, "CHN", "10", "percent", "2025-02-04", "2025-02-04", partner="USA",
             notes="IEEPA total = fentanyl layer 10%"),
        fact("T2", total, "CHN", "20", "percent", "2025-03-04", "2025-03-04", partner="USA",
             notes="IEEPA total = fentanyl layer 20%"),
        fact("T3a", total, "CHN", "30", "percent", "2025-04-05", "2025-04-05", partner="USA",
             notes="IEEPA total = 20% fentanyl + 10% baseline reciprocal (topical-facts.md §1, T3)"),
        fact("T4", total, "CHN", "104", "percent", "2025-04-09", "2025-04-09", partner="USA",
             notes="IEEPA total = 20% fentanyl + 84% reciprocal (row notes: IEEPA total 104%)"),
        fact("T5t", total, "CHN", "145", "percent", "2025-04-10", "2025-04-10", partner="USA",
             notes="IEEPA total = 20% fentanyl + 125% reciprocal; in force to 2025-05-13; excludes Section 301/232"),
        fact("T6t", total, "CHN", "30", "percent", "2025-05-14", "2025-05-14", partner="USA",
             notes="IEEPA total = 20% fentanyl + 10% reciprocal (Geneva, agreed 2025-05-12)"),
        fact("T7", total, "CHN", "20", "percent", "2025-11-10", "2025-11-10", partner="USA",
             notes="IEEPA total = 10% fentanyl + 10% reciprocal (row notes: IEEPA total 20% from 2025-11-10)"),
        fact("T1", fentanyl, "CHN", "10", "percent", "2025-02-04", "2025-02-04", partner="USA"),
        fact("T2", fentanyl, "CHN", "20", "percent", "2025-03-04", "2025-03-04", partner="USA"),
        fact("T7", fentanyl, "CHN", "10", "percent", "2025-11-10", "2025-11-10", partner="USA"),
        fact("T3a", reciprocal, "CHN", "10", "percent", "2025-04-05", "2025-04-05", partner="USA",
             notes="baseline on all trading partners; the China-specific 34% scheduled for 2025-04-09 (T3b) was never collected"),
        fact("T4", reciprocal, "CHN", "84", "percent", "2025-04-09", "2025-04-09", partner="USA"),
        fact("T5", reciprocal, "CHN", "125", "percent", "2025-04-10", "2025-04-10", partner="USA"),
        fact("T6", reciprocal, "CHN", "10", "percent", "2025-05-14", "2025-05-14", partner="USA"),
    ]
    meta = curated_meta(
        "curated.us-tariffs-china-2025", "US additional (IEEPA) tariffs on goods from China, 2025", "timeline",
        [total, fentanyl, reciprocal], "percent",
        "Entity is the country whose goods are taxed, partner the country taxing them. Rates are in force from "
        "effective_date (12:01 a.m. US Eastern) until the next row of the same indicator. Section 301/232 duties "
        "are not included.", {"min": 0, "max": 1000},
        keys=["indicator", "entity", "partner", "scope", "effective_date"])
    write_table("curated/us-tariffs-china-2025.csv", FACT_COLUMNS, rows, meta)


def pledges():
    investment, energy = "investment_pledge_to_us", "energy_purchase_pledge_from_us"
    rows = [
        fact("P1", investment, "JPN", period="2025", effective="2025-07-22", partner="USA"),
        fact("P2", investment, "KOR", period="2025", effective="2025-07-30", partner="USA"),
        fact("P2e", energy, "KOR", period="2025", effective="2025-07-30", partner="USA"),
        fact("P3", investment, "EUU", period="2025", effective="2025-07-27", partner="USA"),
        fact("P3e", energy, "EUU", period="2025", effective="2025-07-27", partner="USA"),
    ]
    meta = curated_meta(
        "curated.pledges-2025", "2025 investment and energy-purchase pledges to the United States", "facts",
        [investment, energy], "USD",
        "effective_date is the date the pledge was announced. Headline figures of unlike instruments (loans and "
        "guarantees for Japan, company intentions for the EU); a pledge plus its energy purchases is the sum of "
        "the two rows.", {"min": 0, "max": None})
    write_table("curated/pledges-2025.csv", FACT_COLUMNS, rows, meta)


def oil_shares():
    share = "crude_export_share_by_destination"
    rows = [
        fact("R1", share, "RUS", period="2020", partner="Europe", scope="crude_and_condensate", unit="percent"),
        fact("R2", share, "RUS", period="2024", partner="Europe", scope="crude_and_condensate", unit="percent"),
        fact("R3", share, "RUS", period="2025-H1", partner="Europe", scope="crude_and_condensate", unit="percent"),
        fact("I1", share, "IRN", "90", "percent", "2025-H1", partner="CHN", scope="shipped_oil",
             notes="approximately ('roughly 90%')"),
        fact("I2", share, "IRN", "80", "percent", "2025", partner="CHN", scope="shipped_oil",
             notes="lower bound ('more than 80%')"),
        fact("I3", share, "IRN", "89", "percent", "2023", partner="CHN", scope="crude_and_condensate"),
    ]
    volume = fact("R5", "crude_import_volume", "CHN", "2.2", "mb/d", "2024", partner="RUS",
                  scope="crude_and_condensate", notes="2.0 mb/d in 2025-H1; China remains the largest importer")
    rows.append(volume)
    meta = curated_meta(
        "curated.oil-export-shares", "Where Russian and Iranian crude exports go", "facts",
        [share, "crude_import_volume"], "percent",
        "Partner is the destination ('Europe' as the EIA defines it, Türkiye included). Scope names what is "
        "counted: crude and condensate, or all shipped oil.", {"min": 0, "max": 100})
    # The volume row is in mb/d, so the percent bound applies only to shares: keep the bound off the table.
    meta["valueRange"] = {"min": 0, "max": None}
    write_table("curated/oil-export-shares.csv", FACT_COLUMNS, rows, meta)


def nato():
    target = "defence_spending_target_share_of_gdp"
    rows = [
        fact("N1", target, "NATO", "5", "percent", "2025-01-07", "2025-01-07", scope="demanded_by_us_president"),
        fact("N2", target, "NATO", "5", "percent", "by 2035", "2025-06-25", scope="agreed_total"),
        fact("N3a", target, "NATO", "3.5", "percent", "by 2035", "2025-06-25", scope="agreed_core_defence",
             notes="at least"),
        fact("N3b", target, "NATO", "1.5", "percent", "by 2035", "2025-06-25", scope="agreed_related_spending",
             notes="up to"),
    ]
    meta = curated_meta(
        "curated.nato-spending-targets", "NATO defence-spending targets, as demanded and agreed in 2025", "timeline",
        [target], "percent",
        "Targets, not actual spending (actual spending: WDI military expenditure, SIPRI definition). The earlier "
        "2% guideline is not included: its sources give only years.", {"min": 0, "max": 100},
        keys=["indicator", "entity", "scope", "effective_date"])
    write_table("curated/nato-spending-targets.csv", FACT_COLUMNS, rows, meta)


def firepower():
    rank = "global_firepower_rank"
    kbs_2024 = "http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=183188"
    rows = [
        fact("GFP2020", rank, "KOR", "6", "rank", "2020", publisher="KBS World 2020",
             url="http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=154993",
             quote="6th (of 138), PwrIndx 0.1509", confidence="high", notes="topical-facts.md §8"),
        fact("GFP2021", rank, "KOR", "6", "rank", "2021", publisher="Yonhap 2021-01-16",
             url="https://m-en.yna.co.kr/view/AEN20210116001500325", quote="6th (of 138), PwrIndx 0.1621",
             confidence="high", notes="topical-facts.md §8"),
        fact("GFP2022", rank, "KOR", "6", "rank", "2022", publisher="KBS World 2024-01", url=kbs_2024,
             quote="maintaining sixth from 2020 to 2023", confidence="high", notes="topical-facts.md §8"),
        fact("GFP2023", rank, "KOR", period="2023"),
        fact("GFP2024", rank, "KOR", period="2024"),
        fact("GFP2025", rank, "KOR", period="2025"),
        fact("GFP2026", rank, "KOR", "5", "rank", "2026", publisher="KBS World 2026-01-23",
             url="https://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=199135",
             quote="has held fifth place since 2024", confidence="high", notes="5th of 145, PwrIndx 0.1642"),
    ]
    meta = curated_meta(
        "curated.global-firepower-ranks", "Global Firepower ranking of South Korea's military", "facts", [rank],
        "rank", "Period is the year of the GFP list. GFP is a private ranking that leaves nuclear weapons out.",
        {"min": 1, "max": None})
    write_table("curated/global-firepower-ranks.csv", FACT_COLUMNS, rows, meta)


def events():
    rows = [
        fact("G2", "people_detained", "USA", period="2025-09-04", scope="all_workers", unit="persons",
             notes="Hyundai-LGES battery plant, Ellabell, Georgia"),
        fact("G3", "people_detained", "KOR", period="2025-09-04", scope="korean_nationals", unit="persons"),
        fact("C1", "japanese_colonial_rule_start", "KOR", period="1910"),
        fact("C2", "japanese_colonial_rule_end", "KOR", period="1945"),
    ]
    meta = curated_meta(
        "curated.events", "Counts and dates of events the articles cite", "facts",
        ["people_detained", "japanese_colonial_rule_start", "japanese_colonial_rule_end"], "persons",
        "Entity of a count is where the event happened (USA) or whose nationals are counted (KOR, scope "
        "korean_nationals). Colonial rule lasted 34 years 11.5 months; '36 years' counts calendar years inclusively.",
        {"min": 0, "max": None})
    write_table("curated/events.csv", FACT_COLUMNS, rows, meta)


def fdi():
    rows = [
        fact("F1", "greenfield_fdi_into_us_rank", "KOR", period="2023", partner="USA"),
        fact("F2", "fdi_jobs_announced_in_us_rank", "KOR", period="2022", partner="USA"),
        fact("F3", "bea_new_fdi_expenditure_in_us", "CAN", period="2022", partner="USA"),
    ]
    meta = curated_meta(
        "curated.fdi-into-us", "Who invests most in the United States, by three measures", "facts",
        ["greenfield_fdi_into_us_rank", "fdi_jobs_announced_in_us_rank", "bea_new_fdi_expenditure_in_us"], "rank",
        "Three measures disagree: by greenfield commitments Korea led in 2023 (Taiwan in 2022), by jobs announced "
        "Korea led in 2022, by BEA new FDI expenditures Canada led in 2022.", {"min": 0, "max": None})
    write_table("curated/fdi-into-us.csv", FACT_COLUMNS, rows, meta)


def countries():
    source = read_csv(os.path.join(SOURCES, "datasets-country-codes/country-codes.csv"))
    rows = []
    for row in source:
        code = row["ISO3166-1-Alpha-3"].strip()
        if not code:
            continue
        rows.append({"code": code, "alpha2": row["ISO3166-1-Alpha-2"], "numeric": row["ISO3166-1-numeric"],
                     "name": row["CLDR display name"] or row["official_name_en"],
                     "official_name": row["official_name_en"], "short_name": row["UNTERM English Short"],
                     "capital": row["Capital"], "kind": "country"})
    rows.sort(key=lambda r: r["code"])
    meta = {
        "id": "entities.countries", "title": "Countries and territories (ISO 3166-1)", "kind": "entities",
        "indicators": [], "unit": "", "scale": 1, "publisher": "Datahub (core/country-codes)",
        "dataset": "Country codes: ISO 3166, M49, ISO 4217, UNTERM and CLDR names", "seriesCode": None,
        "url": "https://github.com/datasets/country-codes", "licence": "PDDL-1.0",
        "attribution": "Country codes from Datahub core/country-codes (PDDL)", "vintage": "2026-05-15",
        "retrieved": "2026-05-15", "obtainedFrom": "github.com/datasets/country-codes commit caa72d1, data/country-codes.csv",
        "keyColumns": ["code"], "valueRange": None,
        "notes": "name is the CLDR display name (South Korea), official_name the UN English name.",
    }
    write_table("entities/countries.csv", ["code", "alpha2", "numeric", "name", "official_name", "short_name",
                                           "capital", "kind"], rows, meta)
    return {r["code"] for r in rows}


def wdi_aggregates(iso_codes):
    seen = {}
    for row in read_csv(os.path.join(SOURCES, "wdi-2026-07/ny.gdp.mktp.cd/data.csv")):
        code = row["Country Code"]
        if code not in iso_codes:
            seen[code] = row["Country Name"]
    rows = [{"code": code, "alpha2": "", "numeric": "", "name": name, "official_name": name, "short_name": name,
             "capital": "", "kind": "aggregate"} for code, name in sorted(seen.items())]
    meta = {
        "id": "entities.wdi-aggregates", "title": "World Bank aggregates and economies without an ISO code",
        "kind": "entities", "indicators": [], "unit": "", "scale": 1, "publisher": "World Bank",
        "dataset": "World Development Indicators", "seriesCode": None,
        "url": "https://datahelpdesk.worldbank.org/knowledgebase/articles/906519", "licence": "CC-BY-4.0",
        "attribution": "World Bank, World Development Indicators (CC BY 4.0)", "vintage": "2026-07-01",
        "retrieved": "2026-07-01",
        "obtainedFrom": "codes of github.com/datasets/world-development-indicators commit 4ebec5a, ny.gdp.mktp.cd/data.csv, not in ISO 3166",
        "keyColumns": ["code"], "valueRange": None, "notes": "EUU is the European Union (27 members), WLD the world.",
    }
    write_table("entities/wdi-aggregates.csv", ["code", "alpha2", "numeric", "name", "official_name", "short_name",
                                                "capital", "kind"], rows, meta)
    return set(seen)


def demonyms(known):
    data = json.load(open(os.path.join(SOURCES, "mledoze-countries/countries.json"), encoding="utf-8"))
    rows = {}
    for country in data:
        code = country["cca3"]
        if code not in known:
            continue
        names = [(country["name"]["common"], "name"), (country["name"]["official"], "name")]
        names += [(spelling, "alternative_spelling") for spelling in country.get("altSpellings", [])
                  if len(spelling) > 2 and all(ord(c) < 0x250 for c in spelling)]
        eng = country.get("demonyms", {}).get("eng", {})
        names += [(eng.get("m", ""), "demonym"), (eng.get("f", ""), "demonym")]
        for alias, kind in names:
            if alias and (alias.lower(), code) not in rows:
                rows[(alias.lower(), code)] = {"alias": alias, "code": code, "kind": kind, "note": ""}
    ordered = [rows[key] for key in sorted(rows)]
    meta = {
        "id": "entities.mledoze-names", "title": "Country names, alternative spellings and English demonyms",
        "kind": "aliases", "indicators": [], "unit": "", "scale": 1, "publisher": "mledoze/countries contributors",
        "dataset": "world-countries", "seriesCode": None, "url": "https://github.com/mledoze/countries",
        "licence": "ODbL-1.0",
        "attribution": "Contains information from mledoze/countries, made available under the Open Database License (ODbL 1.0)",
        "vintage": "2026-04-27", "retrieved": "2026-04-27",
        "obtainedFrom": "github.com/mledoze/countries commit 5e9f370, countries.json (name, altSpellings, demonyms.eng)",
        "keyColumns": ["alias", "code"], "valueRange": None,
        "notes": "A derived database of an ODbL database: this table is itself under ODbL 1.0.",
    }
    write_table("entities/mledoze-names.csv", ["alias", "code", "kind", "note"], ordered, meta)


LEXICON_KINDS = ("lexicon", "frames", "sources", "currencies", "bases", "scopes")


def hand_written(name, kind, columns, title, keys, notes):
    rows = read_csv(os.path.join(HERE, "curated", name + ".csv"))
    meta = {
        "id": "lexicon." + name if kind in LEXICON_KINDS else "entities." + name, "title": title, "kind": kind,
        "indicators": [], "unit": "", "scale": 1, "publisher": "figcheck maintainers", "dataset": "figcheck hand-written tables",
        "seriesCode": None, "url": "repository file Scripts/curated/%s.csv" % name,
        "licence": "MIT", "attribution": "figcheck hand-written tables (MIT)", "vintage": "2026-11-24",
        "retrieved": "2026-11-24", "obtainedFrom": "Scripts/curated/%s.csv" % name, "keyColumns": keys,
        "valueRange": None, "notes": notes,
    }
    folder = "lexicon" if kind in LEXICON_KINDS else "entities"
    write_table("%s/%s.csv" % (folder, name), columns, rows, meta)


def fed_exchange_rates(countries_by_name):
    """Federal Reserve H.10 / G.5A averages (via Datahub core/exchange-rates), annual and monthly.

    Every value is in currency units per US dollar, the euro, pound and Australian dollar included:
    Datahub writes these as "USD/currency", which SOURCE.md reads as dollars per unit, but the data
    say otherwise (German marks per "Euro" value is constant at the conversion rate through
    1999-2001; a test checks it). The euro is the euro area (EMU); pre-euro national currencies
    stop in 2000 or 2001."""
    folder = os.path.join(SOURCES, "fed-exchange-rates")
    for frequency in ("annual", "monthly"):
        rows = []
        for row in read_csv(os.path.join(folder, frequency + ".csv")):
            name = row["Country"]
            rows.append({"entity": "EMU" if name == "Euro" else countries_by_name[name],
                         "entity_name": "Euro area" if name == "Euro" else name,
                         "period": row["Date"][:4] if frequency == "annual" else row["Date"][:7],
                         "value": row["Exchange rate"]})
        rows.sort(key=lambda r: (r["entity"], r["period"]))
        meta = {
            "id": "fx.fed-h10-%s" % frequency,
            "title": "US Federal Reserve H.10 exchange rates, %s averages (currency units per US dollar)" % frequency,
            "kind": "series", "indicators": ["fed_exchange_rate_%s_lcu_per_usd" % frequency], "unit": "LCU_per_USD",
            "scale": 1, "publisher": "Board of Governors of the Federal Reserve System (via FRED)",
            "dataset": "Foreign exchange rates H.10 / G.5A", "seriesCode": None,
            "url": "https://fred.stlouisfed.org/categories/158", "licence": "PDDL-1.0",
            "attribution": "Federal Reserve Board H.10 exchange rates via FRED and Datahub core/exchange-rates (PDDL)",
            "vintage": "2026-07-02", "retrieved": "2026-07-21",
            "obtainedFrom": "github.com/datasets/exchange-rates commit fa7d949 (2026-07-21), data/%s.csv "
                            "(last changed in commit 20192ad, 2026-07-02)" % frequency,
            "keyColumns": ["entity", "period"], "valueRange": {"min": 0, "max": None},
            "notes": "Noon buying rates in New York, averaged by the Fed; every currency per US dollar (the "
                     "euro, pound, Australian and New Zealand dollar too, whatever the upstream README says). "
                     "The euro is entered as the euro area (EMU). For reproducing WDI dollar figures use the "
                     "WDI official rate (exchange_rate_lcu_per_usd), which differs slightly.",
        }
        write_table("fx/fed-h10-%s.csv" % frequency, ["entity", "entity_name", "period", "value"], rows, meta)


def main():
    tariffs()
    pledges()
    oil_shares()
    nato()
    firepower()
    events()
    fdi()
    iso = countries()
    aggregates = wdi_aggregates(iso)
    demonyms(iso | aggregates)
    fed_exchange_rates({row["alias"]: row["code"] for row in read_csv(os.path.join(OUT, "entities/mledoze-names.csv"))
                        if row["kind"] == "name"})
    hand_written("aliases", "aliases", ["alias", "code", "kind", "note"],
                 "Names no open table has: abbreviations, capitals used as metonyms, adjectives",
                 ["alias", "code"], "Written by hand where datasets-country-codes and mledoze are silent.")
    hand_written("aggregates", "aggregates", ["code", "name", "member"],
                 "Groups of countries and their members (EU-27, G7, OECD, NATO)", ["code", "member"],
                 "Membership as published by each organisation (see note in Scripts/curated/README.md); "
                 "the tests compare EU-27, G7 and OECD with an independent list.")
    hand_written("indicators", "lexicon", ["phrase", "indicator", "note"],
                 "Words and phrases that name each indicator", ["phrase", "indicator"],
                 "Matched case-insensitively on word boundaries; the longest phrase wins.")
    hand_written("indicator-frames", "frames", ["indicator", "shapes", "sources", "basis", "growth_indicator", "role", "mirror", "forecast", "note"],
                 "What each indicator's tables hold: the figure shapes and whose definitions", ["indicator"],
                 "shapes: amount, count, level, growth, share_of_gdp, share_of_total; sources: the publishers "
                 "whose figures the bundled tables carry, as named in sources.csv; basis: nominal or real, "
                 "where it matters; growth_indicator: the indicator of its growth ('the economy … grew 3.3%'); role: what the "
                 "rules use it for (gdp: the denominator of ratios; target; share_by_partner; exchange_rate; "
                 "defence_share; pledge_component:<name>; bilateral:<reporter>: one country's trade with each partner); "
                 "mirror: the reporter's indicator for the same flow seen from the partner (the partner's exports to "
                 "the reporter are the reporter's imports from it); forecast: SOURCE:indicator, the series of that "
                 "publisher's forecasts, in dated vintages, that a forecast it is said to make is checked against.")
    hand_written("scopes", "scopes", ["phrase", "scope", "note"],
                 "Words that give the scope of a share (the scope values of the share tables)", ["phrase"],
                 "Matched case-insensitively on whole words; the first scope found in the sentence order of this table wins.")
    hand_written("bases", "bases", ["phrase", "basis", "note"],
                 "Words that say a figure is real (inflation-adjusted) or nominal", ["phrase"],
                 "Matched case-insensitively on whole words.")
    hand_written("sources", "sources", ["phrase", "source", "note"],
                 "Names of publishers and definitions that prose cites", ["phrase"],
                 "Matched case-sensitively on word boundaries (abbreviations such as ONS or NBS).")
    hand_written("currencies", "currencies", ["currency", "country", "fx_entity", "fx_indicator", "note"],
                 "ISO 4217 currencies: the country that issues each, and its entity in the Fed H.10 tables",
                 ["currency"], "Codes from ISO 4217; fx_entity and fx_indicator (the monthly rate series) are empty where the Fed publishes no rate.")


main()
