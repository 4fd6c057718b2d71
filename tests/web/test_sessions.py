"""Staff sessions and login lockouts live in the store: several web processes (here, several `Store` objects on
one database) act as one, and a restart signs nobody out. Every test runs on SQLite and PostgreSQL."""
import threading
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from atypie.errors import BadCredentials, CookieMissing, LoginRequired, TooManyAttempts
from atypie.store import Store
from atypie.store.schema import login_counters, staff_sessions
from atypie.web.binding import COOKIE, BrowserBinding, binding_for
from atypie.web.sessions import MAX_FAILURES, LoginThrottle, Sessions, StaffCredential
from atypie.web.staff_handlers import StaffDesk

pytestmark = pytest.mark.slow

BROWSER = "cookie-du-navigateur"
RIGHT = "un-mot-de-passe-solide"


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def other(store):
    """A second process on the same database."""
    with Store(store.url) as opened:
        yield opened


def test_sessions_end_when_idle_or_closed(store):
    clock = Clock()
    sessions = Sessions(store, idle_s=60, lifetime_s=3600, clock=clock)
    credential = sessions.open("marie", BROWSER)
    assert sessions.require(credential) == "marie"
    clock.now += 61
    with pytest.raises(LoginRequired):
        sessions.require(credential)
    credential = sessions.open("marie", BROWSER)
    sessions.close(credential)
    for forged in (credential, credential.token, StaffCredential("", BROWSER), None, 42, "x" * 43):
        with pytest.raises(LoginRequired):
            sessions.require(forged)


def test_an_active_session_still_ends_at_its_lifetime(store):
    clock = Clock()
    sessions = Sessions(store, idle_s=60, lifetime_s=300, clock=clock)
    credential = sessions.open("marie", BROWSER)
    for _ in range(6):
        clock.now += 50
        assert sessions.require(credential) == "marie"
    clock.now += 1  # 301 s after signing in
    with pytest.raises(LoginRequired):
        sessions.require(credential)
    assert sessions.resume(BROWSER) is None


def test_a_session_answers_only_in_the_browser_that_opened_it(store):
    sessions = Sessions(store)
    credential = sessions.open("marie", BROWSER)
    for other_browser in ("autre-navigateur", "", None):
        with pytest.raises(LoginRequired):
            sessions.require(StaffCredential(credential.token, other_browser))
    sessions.close(StaffCredential(credential.token, "autre-navigateur"))  # a stranger cannot end it either
    assert sessions.require(credential) == "marie"
    with pytest.raises(CookieMissing):
        sessions.open("marie", None)


def test_each_login_opens_a_new_token(store):
    sessions = Sessions(store)
    assert sessions.open("marie", BROWSER).token != sessions.open("marie", BROWSER).token


def test_every_process_sees_a_session_and_a_restart_keeps_it(store, other):
    credential = Sessions(store).open("marie", BROWSER)
    assert Sessions(other).require(credential) == "marie"
    with Store(store.url) as restarted:
        assert Sessions(restarted).require(credential) == "marie"
        Sessions(restarted).close(credential)  # signing out in one process signs out in all
    with pytest.raises(LoginRequired):
        Sessions(store).require(credential)


def test_a_reloaded_page_gets_its_session_back(store, other):
    clock = Clock()
    first, second = (Sessions(s, idle_s=150, lifetime_s=300, clock=clock) for s in (store, other))
    credential = first.open("marie", BROWSER)
    clock.now += 100
    resumed = second.resume(BROWSER)
    assert resumed.binding == BROWSER and resumed.token != credential.token
    assert second.require(resumed) == "marie"
    assert second.resume("autre-navigateur") is None and second.resume(None) is None
    clock.now += 100
    assert first.require(resumed) == "marie"
    clock.now += 101  # the resumed session ends when the original would have
    with pytest.raises(LoginRequired):
        first.require(resumed)
    # Signing out ends every session of the browser: a reload does not bring it back.
    again = Sessions(store).open("marie", BROWSER)
    Sessions(store).resume(BROWSER)
    Sessions(other).close(again)
    assert Sessions(store).resume(BROWSER) is None


def test_the_database_holds_no_token_no_cookie_no_name_of_a_guess(store, staff_name):
    desk = StaffDesk(store, Sessions(store), LoginThrottle(store))
    credential = desk.login(staff_name, RIGHT, binding=BROWSER, client="10.0.0.9")
    with pytest.raises(BadCredentials):
        desk.login("devine", "mauvais", binding=BROWSER, client="10.0.0.7")
    with store.engine.connect() as conn:
        stored = repr([conn.execute(select(table)).all() for table in (staff_sessions, login_counters)])
    assert staff_name in stored  # the session's owner, as the audit log has it
    for secret in (credential.token, BROWSER, "devine", "10.0.0.7"):
        assert secret not in stored


def test_the_browser_cookie_is_signed_by_the_server():
    binding = BrowserBinding()
    minted = binding.mint()
    assert binding.verified(minted) == minted and minted != binding.mint()
    nonce = minted.split(".")[0]
    for forged in (f"{nonce}.{'0' * 32}", "choisi", "a.b.c", "", None, 3, BrowserBinding().mint()):
        assert binding.verified(forged) is None


def test_a_cookie_signed_by_one_app_is_accepted_by_another_on_the_same_store(store, other):
    from fastapi.testclient import TestClient

    from atypie.web.server import create_app

    with TestClient(create_app(store)) as first, TestClient(create_app(other)) as second:
        cookie = first.get("/staff/").cookies.get(COOKIE)
        assert cookie and binding_for(store).verified(cookie) == cookie
        second.cookies.set(COOKIE, cookie, path="/staff")
        assert COOKIE not in second.get("/staff/").headers.get("set-cookie", "")  # verified: not replaced
        second.cookies.set(COOKIE, "choisi.par-un-tiers", path="/staff")
        assert COOKIE in second.get("/staff/").headers.get("set-cookie", "")


def test_the_staff_page_restores_the_session_of_its_browser(store, other, staff_name):
    from atypie.web.staff import build_staff

    binding = binding_for(store)
    cookie = binding.mint()
    StaffDesk(store, Sessions(store)).login(staff_name, RIGHT, binding=cookie)
    # The page is reloaded and served by another process.
    page = build_staff(StaffDesk(other, Sessions(other)), binding_for(other))
    event = next(fn for fn in page.fns.values() if fn.name == "on_open")
    named = {getattr(block, "elem_id", None) or type(block).__name__: block for block in event.outputs}
    shown = event.fn(SimpleNamespace(cookies={COOKIE: cookie}), None, "fr")  # {component: value}
    assert Sessions(other).require(StaffCredential(shown[named["State"]], cookie)) == staff_name
    assert staff_name in shown[named["atypie-staff-status"]] and shown[named["atypie-workspace"]].visible
    for stranger in ({COOKIE: binding.mint()}, {COOKIE: "choisi.par-un-tiers"}, {}):
        assert named["State"] not in event.fn(SimpleNamespace(cookies=stranger), None, "fr")  # nothing restored


def test_wrong_passwords_in_two_processes_lock_the_name_for_that_client(store, other, staff_name):
    clock = Clock()
    desks = [StaffDesk(s, Sessions(s, clock=clock), LoginThrottle(s, lockout_s=300, clock=clock))
             for s in (store, other)]
    for n in range(MAX_FAILURES):
        with pytest.raises(BadCredentials):
            desks[n % 2].login(staff_name, "mauvais", binding=BROWSER, client="10.0.0.9")
    for desk in desks:
        with pytest.raises(TooManyAttempts) as caught:  # even the right password, while locked
            desk.login(staff_name, RIGHT, binding=BROWSER, client="10.0.0.9")
    assert caught.value.exit_code == 3 and "5 minutes" in caught.value.message("fr")
    # Someone else, from another client, is not locked out by the stranger's guesses.
    assert desks[0].who(desks[0].login(staff_name, RIGHT, binding=BROWSER, client="10.0.0.1")) == staff_name
    clock.now += 240
    with pytest.raises(TooManyAttempts) as caught:
        desks[1].login(staff_name, RIGHT, binding=BROWSER, client="10.0.0.9")
    assert "1 minutes" in caught.value.message("fr")
    clock.now += 61
    assert desks[1].who(desks[1].login(staff_name, RIGHT, binding=BROWSER, client="10.0.0.9")) == staff_name


def test_a_restart_does_not_reset_a_lockout(store, staff_name):
    desk = StaffDesk(store, Sessions(store), LoginThrottle(store))
    for _ in range(MAX_FAILURES):
        with pytest.raises(BadCredentials):
            desk.login(staff_name, "mauvais", binding=BROWSER, client="10.0.0.9")
    with Store(store.url) as restarted, pytest.raises(TooManyAttempts):
        StaffDesk(restarted, Sessions(restarted)).login(staff_name, RIGHT, binding=BROWSER, client="10.0.0.9")


def test_guesses_from_many_clients_lock_the_name_for_everyone(store, other, staff_name):
    desks = [StaffDesk(s, Sessions(s), LoginThrottle(s, max_failures=5, max_name_failures=8)) for s in (store, other)]
    for n in range(8):
        with pytest.raises(BadCredentials):
            desks[n % 2].login(staff_name, "mauvais", binding=BROWSER, client=f"10.0.1.{n}")
    with pytest.raises(TooManyAttempts):
        desks[0].login(staff_name, RIGHT, binding=BROWSER, client="10.0.0.1")


def test_concurrent_guesses_in_two_processes_cannot_pass_the_limit(store, other):
    throttles = [LoginThrottle(s, max_failures=5) for s in (store, other)]
    attempts, refused = [], []
    barrier = threading.Barrier(12)

    def guess(throttle):
        barrier.wait()
        try:
            attempts.append(throttle.begin("marie", "10.0.0.9"))
        except TooManyAttempts:
            refused.append(1)

    threads = [threading.Thread(target=guess, args=(throttles[n % 2],)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (len(attempts), len(refused)) == (5, 7)
    for attempt in attempts:
        throttles[0].failed(attempt)
    with pytest.raises(TooManyAttempts):
        throttles[1].begin("marie", "10.0.0.9")


def test_attempts_left_pending_by_a_dead_process_expire(store):
    clock = Clock()
    throttle = LoginThrottle(store, max_failures=2, lockout_s=300, clock=clock)
    throttle.begin("marie", "10.0.0.9")
    throttle.begin("marie", "10.0.0.9")  # both processes died while checking the password
    with pytest.raises(TooManyAttempts):
        throttle.begin("marie", "10.0.0.9")
    clock.now += 300
    attempt = throttle.begin("marie", "10.0.0.9")
    throttle.abandon(attempt)
    throttle.failed(throttle.begin("marie", "10.0.0.9"))
    throttle.begin("marie", "10.0.0.9")
    with pytest.raises(TooManyAttempts):
        throttle.begin("marie", "10.0.0.9")


def test_a_success_resets_the_clients_count(store, staff_name):
    desk = StaffDesk(store, Sessions(store), LoginThrottle(store))
    for _ in range(2):
        for _ in range(MAX_FAILURES - 1):
            with pytest.raises(BadCredentials):
                desk.login(staff_name, "mauvais", binding=BROWSER)
        desk.login(staff_name, RIGHT, binding=BROWSER)
