"""The guide: every section, its tables, the FAQ and sources, a filter box, and deep links."""
from playwright.sync_api import expect


def test_every_section_opens_by_its_own_address(phone, content):
    for section in content["guide"]["sections"]:
        phone.open(f"#/guide/{section['id']}")
        expect(phone.heading()).to_have_text(section["title"])
        expect(phone.page.get_by_text(section["body"][0], exact=True)).to_be_visible()
        if "table" in section:
            table = phone.page.get_by_role("table", name=section["table"]["caption"])
            expect(table.get_by_role("columnheader")).to_have_text(section["table"]["columns"])
            expect(table.get_by_role("row")).to_have_count(len(section["table"]["rows"]) + 1)
        if "questions_to_ask" in section:
            expect(phone.page.locator("article ol > li")).to_have_text(section["questions_to_ask"])
        expect(phone.page.get_by_role("heading", name="Sources")).to_be_visible()


def test_twitch_cramp_and_tremor_are_compared(phone, content):
    section = next(s for s in content["guide"]["sections"] if s["id"] == "twitch_cramp_tremor")
    phone.open("#/guide/twitch_cramp_tremor")
    table = phone.page.get_by_role("table", name=section["table"]["caption"])
    expect(table.get_by_role("rowheader")).to_have_text([row[0] for row in section["table"]["rows"]])


def test_a_deep_link_survives_a_reload(phone, content):
    phone.open("#/guide/sleep")
    phone.page.reload()
    expect(phone.wait_for_screen()).to_have_text(next(s["title"] for s in content["guide"]["sections"] if s["id"] == "sleep"))


def test_the_faq_is_an_accordion_and_each_question_has_a_page(phone, content):
    phone.open("#/")
    phone.page.get_by_role("link", name=content["ui"]["home.faq"]).click()
    expect(phone.wait_for_screen()).to_have_text(content["ui"]["guide.faq_title"])
    questions = phone.page.locator(".faq-list > details > summary")
    expect(questions).to_have_text([item["question"] for item in content["faq"]])  # one short list
    first = content["faq"][0]
    answer = phone.page.get_by_text(first["answer"][0], exact=True)
    expect(answer).to_be_hidden()
    questions.first.click()
    expect(answer).to_be_visible()
    phone.page.locator(f"#faq-{first['id']}").get_by_role("link", name=content["ui"]["guide.faq_link"]).click()
    expect(phone.page.locator("main h1:focus")).to_have_text(first["question"])
    expect(phone.page.get_by_text(first["answer"][0])).to_be_visible()


def test_the_sources_list_every_source_with_its_evidence(phone, content):
    phone.open("#/guide/sources")
    for source in content["sources"]:
        expect(phone.page.locator(f"#source-{source['id']}")).to_contain_text(source["evidence"])


def test_the_filter_box_narrows_the_guide(phone, content):
    phone.open("#/guide")
    links = phone.page.locator(".guide-list a:visible")
    expect(links).to_have_count(len(content["guide"]["sections"]) + 2)  # every section, the FAQ and the sources

    phone.page.get_by_label("Filter the guide").fill("tremor")
    expect(phone.page.get_by_role("link", name="Twitch, cramp or tremor?", exact=True)).to_be_visible()
    expect(phone.page.get_by_role("link", name="Sleep and twitching", exact=True)).to_be_hidden()
    faq_match = next(f for f in content["faq"] if f["id"] == "twitch_cramp_tremor")
    expect(phone.page.get_by_role("link", name=faq_match["question"])).to_be_visible()
    expect(phone.page.get_by_role("status").filter(has_text="match")).to_contain_text("tremor")

    phone.page.get_by_label("Filter the guide").fill("")
    expect(links).to_have_count(len(content["guide"]["sections"]) + 2)
