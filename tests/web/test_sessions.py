import pytest

from atypie.errors import BadCredentials, LoginRequired, TooManyAttempts
from atypie.web.sessions import MAX_FAILURES, LoginThrottle, Sessions
from atypie.web.staff_handlers import StaffDesk


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_sessions_end_when_idle_or_closed():
    clock = Clock()
    sessions = Sessions(idle_s=60, lifetime_s=3600, clock=clock)
    token = sessions.open("marie")
    assert sessions.require(token) == "marie"
    clock.now += 61
    with pytest.raises(LoginRequired):
        sessions.require(token)
    token = sessions.open("marie")
    sessions.close(token)
    for forged in (token, "", None, 42, "x" * 43):
        with pytest.raises(LoginRequired):
            sessions.require(forged)


def test_repeated_wrong_passwords_lock_the_account_name_for_a_while(store, staff_name):
    clock = Clock()
    desk = StaffDesk(store, Sessions(), LoginThrottle(lockout_s=300, clock=clock))
    for _ in range(MAX_FAILURES):
        with pytest.raises(BadCredentials):
            desk.login(staff_name, "mauvais")
    with pytest.raises(TooManyAttempts) as caught:  # even the right password, while locked
        desk.login(staff_name, "un-mot-de-passe-solide")
    assert caught.value.exit_code == 3 and "5 minutes" in caught.value.message("fr")
    clock.now += 301
    assert desk.who(desk.login(staff_name, "un-mot-de-passe-solide")) == staff_name


def test_a_success_resets_the_count(store, staff_name):
    desk = StaffDesk(store, Sessions(), LoginThrottle())
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(BadCredentials):
            desk.login(staff_name, "mauvais")
    desk.login(staff_name, "un-mot-de-passe-solide")
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(BadCredentials):
            desk.login(staff_name, "mauvais")
    desk.login(staff_name, "un-mot-de-passe-solide")
