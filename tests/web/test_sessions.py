import threading

import pytest

from atypie.errors import BadCredentials, CookieMissing, LoginRequired, TooManyAttempts
from atypie.web.binding import BrowserBinding
from atypie.web.sessions import MAX_FAILURES, LoginThrottle, Sessions, StaffCredential
from atypie.web.staff_handlers import StaffDesk

BROWSER = "cookie-du-navigateur"
RIGHT = "un-mot-de-passe-solide"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_sessions_end_when_idle_or_closed():
    clock = Clock()
    sessions = Sessions(idle_s=60, lifetime_s=3600, clock=clock)
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


def test_a_session_answers_only_in_the_browser_that_opened_it():
    sessions = Sessions()
    credential = sessions.open("marie", BROWSER)
    for other in ("autre-navigateur", "", None):
        with pytest.raises(LoginRequired):
            sessions.require(StaffCredential(credential.token, other))
    sessions.close(StaffCredential(credential.token, "autre-navigateur"))  # a stranger cannot end it either
    assert sessions.require(credential) == "marie"
    with pytest.raises(CookieMissing):
        sessions.open("marie", None)


def test_each_login_opens_a_new_token():
    sessions = Sessions()
    assert sessions.open("marie", BROWSER).token != sessions.open("marie", BROWSER).token


def test_the_browser_cookie_is_signed_by_the_server():
    binding = BrowserBinding()
    minted = binding.mint()
    assert binding.verified(minted) == minted and minted != binding.mint()
    nonce = minted.split(".")[0]
    for forged in (f"{nonce}.{'0' * 32}", "choisi", "a.b.c", "", None, 3, BrowserBinding().mint()):
        assert binding.verified(forged) is None


def test_repeated_wrong_passwords_lock_the_name_for_that_client(store, staff_name):
    clock = Clock()
    desk = StaffDesk(store, Sessions(), LoginThrottle(lockout_s=300, clock=clock))
    for _ in range(MAX_FAILURES):
        with pytest.raises(BadCredentials):
            desk.login(staff_name, "mauvais", binding=BROWSER, client="10.0.0.9")
    with pytest.raises(TooManyAttempts) as caught:  # even the right password, while locked
        desk.login(staff_name, RIGHT, binding=BROWSER, client="10.0.0.9")
    assert caught.value.exit_code == 3 and "5 minutes" in caught.value.message("fr")
    # Someone else, from another client, is not locked out by the stranger's guesses.
    assert desk.who(desk.login(staff_name, RIGHT, binding=BROWSER, client="10.0.0.1")) == staff_name
    clock.now += 301
    assert desk.who(desk.login(staff_name, RIGHT, binding=BROWSER, client="10.0.0.9")) == staff_name


def test_guesses_from_many_clients_lock_the_name_for_everyone(store, staff_name):
    desk = StaffDesk(store, Sessions(), LoginThrottle(max_failures=5, max_name_failures=8))
    for n in range(8):
        with pytest.raises(BadCredentials):
            desk.login(staff_name, "mauvais", binding=BROWSER, client=f"10.0.1.{n}")
    with pytest.raises(TooManyAttempts):
        desk.login(staff_name, RIGHT, binding=BROWSER, client="10.0.0.1")


def test_concurrent_guesses_cannot_pass_the_limit():
    throttle = LoginThrottle(max_failures=5)
    attempts, refused = [], []
    barrier = threading.Barrier(12)

    def guess():
        barrier.wait()
        try:
            attempts.append(throttle.begin("marie", "10.0.0.9"))
        except TooManyAttempts:
            refused.append(1)

    threads = [threading.Thread(target=guess) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (len(attempts), len(refused)) == (5, 7)
    for attempt in attempts:
        throttle.failed(attempt)
    with pytest.raises(TooManyAttempts):
        throttle.begin("marie", "10.0.0.9")


def test_a_success_resets_the_clients_count(store, staff_name):
    desk = StaffDesk(store, Sessions(), LoginThrottle())
    for _ in range(2):
        for _ in range(MAX_FAILURES - 1):
            with pytest.raises(BadCredentials):
                desk.login(staff_name, "mauvais", binding=BROWSER)
        desk.login(staff_name, RIGHT, binding=BROWSER)
