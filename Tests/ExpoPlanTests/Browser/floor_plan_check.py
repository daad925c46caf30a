"""Drives floor-plan.html in Debian's chromium through chromedriver (Selenium), offline.

Usage: python3 floor_plan_check.py FLOOR_PLAN_HTML EXHIBITOR_NAME STAND_NUMBER

Checks, printing one line per check and exiting 1 on the first failure:
- the file holds no http(s) URL and no external script, style or image;
- it loads from file:// with every host unreachable (proxy to a closed port, every
  host name resolved to nothing);
- typing the exhibitor's name highlights its stand (class `selected`) and centres it;
- clicking another stand shows its details (its exhibitor's name in #details);
- toggling the first delegation shows its route (the `g.route` drawn);
- zoom buttons change the view box;
- no console error (level SEVERE) was logged.
"""
import re
import sys
import pathlib

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def fail(message):
    print("FAIL " + message)
    sys.exit(1)


def main():
    path, name, number = sys.argv[1], sys.argv[2], sys.argv[3]
    text = pathlib.Path(path).read_text(encoding="utf-8")
    if re.search(r"https?:", text, re.IGNORECASE):
        fail("the file holds an http(s) URL")
    if re.search(r"<(script|img|link|iframe)[^>]*\s(src|href)=", text, re.IGNORECASE):
        fail("the file loads an external resource")
    print("ok self-contained")

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                     "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1400,900"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(pathlib.Path(path).resolve().as_uri())
        def view_box():
            return driver.execute_script("return document.querySelector('#plan svg').getAttribute('viewBox')")

        home = view_box()

        search = driver.find_element(By.ID, "search")
        search.send_keys(name)
        selected = driver.find_elements(By.CSS_SELECTOR, "g.stand.selected")
        if len(selected) != 1 or selected[0].get_attribute("data-stand") != number:
            fail("typing %r did not select stand %s: %r" % (name, number, [s.get_attribute("data-stand") for s in selected]))
        if view_box() == home:
            fail("the plan did not move to the stand")
        details = driver.find_element(By.ID, "details").text
        if name not in details:
            fail("the details do not name %r: %r" % (name, details))
        print("ok search highlights and centres stand " + number)

        driver.find_element(By.ID, "zoom-reset").click()
        other = [g for g in driver.find_elements(By.CSS_SELECTOR, "g.stand") if g.get_attribute("data-stand") != number][0]
        title = other.find_element(By.TAG_NAME, "title").get_attribute("textContent")
        driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", other)
        details = driver.find_element(By.ID, "details").text
        exhibitor = title.split(" \u2014 ", 1)[1].rsplit(" (", 1)[0]
        if exhibitor not in details or "selected" not in other.get_attribute("class"):
            fail("clicking %r did not show its details: %r" % (title, details))
        print("ok click shows " + other.get_attribute("data-stand"))

        routes = driver.find_elements(By.CSS_SELECTOR, "g.route")
        if not routes:
            fail("no route on the plan")
        if routes[0].is_displayed():
            fail("a route is shown before it is asked for")
        driver.find_element(By.ID, "route-0").click()
        if not routes[0].is_displayed():
            fail("toggling the first delegation did not show its route")
        driver.find_element(By.ID, "route-0").click()
        if routes[0].is_displayed():
            fail("toggling it again did not hide its route")
        print("ok route toggles")

        before = view_box()
        driver.find_element(By.ID, "zoom-in").click()
        if view_box() == before:
            fail("zoom in did not change the view")
        print("ok zoom")

        pavilion = driver.find_element(By.ID, "pavilion")
        options_ = pavilion.find_elements(By.TAG_NAME, "option")
        options_[1].click()
        dimmed = driver.find_elements(By.CSS_SELECTOR, "g.stand.dim")
        if not dimmed or len(dimmed) == len(driver.find_elements(By.CSS_SELECTOR, "g.stand")):
            fail("the pavilion filter dims %d stands" % len(dimmed))
        print("ok pavilion filter")

        errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        if errors:
            fail("console errors: %r" % errors)
        print("ok no console error")
    finally:
        driver.quit()


main()
