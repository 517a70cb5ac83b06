"""The dashboard in headless Chromium (Selenium) against a live server over the processed sample.

Each page loads without console errors, the filters change the rows, a click on an event opens its
article with the trigger highlighted, and a screenshot of every page is written to
``artifacts/screenshots/`` (``HADATH_SCREENSHOTS`` overrides).  Skips when Chromium, chromedriver,
selenium or the built front-end libraries (``python -m hadath.api.build_web``) are missing.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
webdriver = pytest.importorskip(
    "selenium.webdriver", reason="selenium not installed: pip install -e '.[test]'"
)
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402
from test_web_dashboard_api import OUTLET_A, build_web_store, dashboard_app  # noqa: E402

from hadath.api.build_web import missing_vendor_files  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHOTS = Path(os.environ.get("HADATH_SCREENSHOTS", REPO / "artifacts" / "screenshots"))
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
DRIVER = shutil.which("chromedriver")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None or DRIVER is None,
                       reason="no chromium/chromedriver: apt-get install -y chromium chromium-driver"),
    pytest.mark.skipif(bool(missing_vendor_files()),
                       reason="dashboard libraries not built: run python -m hadath.api.build_web"),
]  # fmt: skip


STALE = (StaleElementReferenceException,)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    app = dashboard_app(build_web_store(tmp_path_factory.mktemp("web")))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    live = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=live.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not live.started:
        if time.monotonic() > deadline:
            pytest.fail("the dashboard server did not start in 15 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    live.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1100", "--lang=en-US", "--force-device-scale-factor=1"):
        options.add_argument(arg)  # fmt: skip
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=DRIVER))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def console_errors(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def open_page(driver, url: str, ready: str, timeout: float = 15) -> None:
    """Load ``url``, wait for the CSS selector ``ready`` to match, and fail on console errors."""
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get(url)
    WebDriverWait(driver, timeout).until(EC.presence_of_element_located((By.CSS_SELECTOR, ready)))
    errors = console_errors(driver)
    assert not errors, f"console errors on {url}: {errors}"


def shoot(driver, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return Math.min(document.body.scrollHeight + 20, 4000)")
    driver.set_window_size(1400, max(900, height))
    path = SHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    driver.set_window_size(1400, 1100)
    return path


def api_total(server: str, path: str) -> int:
    with urllib.request.urlopen(server + path, timeout=10) as response:
        return json.load(response)["total"]


def rows(driver) -> list:
    return driver.find_elements(By.CSS_SELECTOR, "#events tbody tr")


def wait_rows(driver, predicate, timeout: float = 10) -> list:
    WebDriverWait(driver, timeout, ignored_exceptions=STALE).until(lambda d: predicate(rows(d)))
    return rows(driver)


def test_events_page_lists_every_event_and_filters_change_the_rows(server, browser):
    total = api_total(server, "/api/events?limit=1")
    assert 4 < total <= 50  # the sample's events and the four hand-coded ones fit on one page
    open_page(browser, f"{server}/events", "#events tbody tr")
    wait_rows(browser, lambda r: len(r) == total)
    assert browser.find_element(By.CSS_SELECTOR, "#events tbody tr td.evidence").get_attribute("dir") == "rtl"
    shoot(browser, "events")

    form = browser.find_element(By.ID, "filters")
    Select(form.find_element(By.NAME, "event")).select_by_value("ASSAULT")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    assault = wait_rows(browser, lambda r: 0 < len(r) < total)
    assert all("ASSAULT" in r.find_elements(By.TAG_NAME, "td")[1].text for r in assault)
    assert "event=ASSAULT" in browser.current_url

    form.find_element(By.CSS_SELECTOR, "button[type=reset]").click()
    wait_rows(browser, lambda r: len(r) == total)
    Select(form.find_element(By.NAME, "quad_class")).select_by_value("1")
    form.find_element(By.NAME, "actor").send_keys("EGY")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    egypt = wait_rows(browser, lambda r: len(r) == 2)
    assert {r.find_elements(By.TAG_NAME, "td")[1].text.split()[0] for r in egypt} == {"CONSULT", "AGREE"}
    assert all(r.find_elements(By.TAG_NAME, "td")[3].text == "EGY GOV" for r in egypt)

    form.find_element(By.CSS_SELECTOR, "button[type=reset]").click()
    wait_rows(browser, lambda r: len(r) == total)
    form.find_element(By.NAME, "date_from").send_keys("03/05/2024")  # the date input's en-US format
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    dated = wait_rows(browser, lambda r: 0 < len(r) < total)
    assert {r.find_element(By.CSS_SELECTOR, "td.date").text for r in dated} == {"2024-03-06"}
    shoot(browser, "events-filtered")
    assert not console_errors(browser)


def test_filters_from_the_url_and_no_match_message(server, browser):
    open_page(browser, f"{server}/events?q=%D9%82%D8%B5%D9%81%D8%AA", "#events tbody tr")  # q=قصفت
    found = wait_rows(browser, lambda r: len(r) >= 1)
    assert all("ASSAULT" in r.text for r in found)
    assert browser.find_element(By.NAME, "q").get_attribute("value") == "قصفت"
    open_page(browser, f"{server}/events?event=SANCTION&date_from=2024-03-01", "#status.empty")
    assert rows(browser) == []


def test_a_click_on_an_event_opens_its_article_with_the_trigger_highlighted(server, browser):
    open_page(browser, f"{server}/events?event=ASSAULT&outlet={OUTLET_A}", "#events tbody tr")
    wait_rows(browser, lambda r: len(r) == 1)
    link = browser.find_element(By.CSS_SELECTOR, "#events tbody tr a.evidence-link")
    event_id = link.find_element(By.XPATH, "ancestor::tr").get_attribute("data-event")
    link.click()
    selected = (By.CSS_SELECTOR, ".hl.trigger.selected")
    WebDriverWait(browser, 10).until(EC.presence_of_element_located(selected))
    assert not console_errors(browser)
    trigger = browser.find_element(By.CSS_SELECTOR, ".hl.trigger.selected")
    assert event_id in trigger.get_attribute("data-events").split()
    assert trigger.text == "قصفت"
    assert browser.find_element(By.ID, "text").get_attribute("dir") == "rtl"
    assert browser.find_element(By.CSS_SELECTOR, f"#event-{event_id}.selected")

    actor = browser.find_element(By.CSS_SELECTOR, "#text .hl.actor")
    ActionChains(browser).move_to_element(actor).perform()
    tooltip = WebDriverWait(browser, 5).until(EC.visibility_of_element_located((By.ID, "tooltip")))
    assert "Israel forces [ISR MIL]" in tooltip.text
    shoot(browser, "article")

    browser.find_element(By.ID, "show-removed").click()
    removed = WebDriverWait(browser, 5).until(EC.visibility_of_element_located((By.ID, "removed")))
    assert "تابعونا على فيسبوك" in removed.text
    shoot(browser, "article-boilerplate")
    assert not console_errors(browser)


def test_unknown_article_says_so(server, browser):
    browser.get_log("browser")
    browser.get(f"{server}/article/nosuchdoc")
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#status.error")))
    errors = console_errors(browser)  # the browser logs the API's 404 itself, and nothing else
    assert len(errors) == 1 and "/api/articles/nosuchdoc" in errors[0] and "404" in errors[0], errors
    assert "no document" in browser.find_element(By.ID, "status").text


def test_timeline_draws_bars_by_type_and_by_quad_class(server, browser):
    open_page(browser, f"{server}/timeline", "#chart svg rect.bar")
    # the chart may redraw while it is read: read it again when an element goes stale
    WebDriverWait(browser, 10, ignored_exceptions=STALE).until(lambda d: {"ASSAULT", "CONSULT"} <= {
        g.get_attribute("data-key") for g in d.find_elements(By.CSS_SELECTOR, "#chart svg g[data-key]")
    })  # fmt: skip
    assert "2024-03-04" in browser.find_element(By.ID, "chart").text
    shoot(browser, "timeline")
    Select(browser.find_element(By.NAME, "by")).select_by_value("quad_class")
    WebDriverWait(browser, 10, ignored_exceptions=STALE).until(lambda d: {
        g.get_attribute("data-key") for g in d.find_elements(By.CSS_SELECTOR, "#chart svg g[data-key]")
    } <= {"1", "2", "3", "4"})  # fmt: skip
    shoot(browser, "timeline-quad")
    assert not console_errors(browser)


def test_network_links_actors_to_recipients(server, browser):
    open_page(browser, f"{server}/network", "#chart svg path.edge")
    time.sleep(1.5)  # let the force layout settle before the screenshot
    nodes = {n.text.split("\n")[0] for n in browser.find_elements(By.CSS_SELECTOR, "#chart g.node text.code")}
    assert {"ISR", "PSE", "EGY", "JOR"} <= nodes
    assert browser.find_elements(By.CSS_SELECTOR, "path.edge.conflict")
    assert browser.find_elements(By.CSS_SELECTOR, "path.edge.cooperation")
    shoot(browser, "network")
    assert not console_errors(browser)


def test_map_shades_countries_with_events(server, browser):
    open_page(browser, f"{server}/map", "#chart svg path.country.has-events")
    shaded = {p.get_attribute("data-iso") for p in browser.find_elements(By.CSS_SELECTOR, "path.has-events")}
    assert {"EGY", "PSE"} <= shaded
    assert browser.find_elements(By.CSS_SELECTOR, "#chart circle.place")
    shoot(browser, "map")
    assert not console_errors(browser)
