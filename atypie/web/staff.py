"""The disability-service page (`/staff`): sign in, then manage profiles, settings, image-generation rights,
access codes, course glossaries and the usage report. The session token stays in server-side state; every action
checks it together with the browser's signed cookie (`binding.py`)."""
from __future__ import annotations

import inspect

from ..profiles.presets import preset_names
from ..profiles.settings import setting_keys
from . import gradio_compat as compat
from . import views
from .binding import BrowserBinding
from .guard import guarded
from .i18n import Labels, lang_of, language_switch, switch_js, t
from .outputs import ViewOutputs
from .sessions import StaffCredential
from .staff_handlers import Report, StaffDesk


def build_staff(desk: StaffDesk, binding: BrowserBinding, lang: str | None = None):
    import gradio as gr

    lang = lang_of(lang)
    labels = Labels(lang)
    with gr.Blocks(title=t("staff.title", lang), analytics_enabled=False, delete_cache=(1800, 3600)) as blocks:
        session = gr.State(None)  # the session token
        switch = language_switch(lang)
        labels(gr.Markdown, texts={"value": "staff.intro"}, elem_id="atypie-staff-intro")
        labels(gr.Markdown, texts={"value": "login.heading"}, elem_id="atypie-login-heading")
        with gr.Row():
            login_name = labels(gr.Textbox, texts={"label": "login.name"}, max_length=64, elem_id="atypie-login-name",
                                html_attributes=gr.InputHTMLAttributes(autocomplete="username", spellcheck=False,
                                                                       autocapitalize="off"))
            login_password = labels(gr.Textbox, texts={"label": "login.password"}, type="password", max_length=200,
                                    elem_id="atypie-login-password",
                                    html_attributes=gr.InputHTMLAttributes(autocomplete="current-password"))
        with gr.Row():
            login = labels(gr.Button, texts={"value": "login.button"}, variant="primary", elem_id="atypie-login")
            logout = labels(gr.Button, texts={"value": "logout.button"}, elem_id="atypie-logout")
        status = compat.html(elem_id="atypie-staff-status")

        with gr.Column(visible=False, elem_id="atypie-workspace") as workspace:
            labels(gr.Markdown, texts={"value": "workspace.heading"}, elem_id="atypie-workspace-heading")
            with gr.Row():
                profile = labels(gr.Dropdown, texts={"label": "profile.select"}, choices=[], value=None, scale=3,
                                 allow_custom_value=True, elem_id="atypie-staff-profile")
                refresh = labels(gr.Button, texts={"value": "profiles.refresh"}, elem_id="atypie-profiles-refresh")
            with gr.Tabs(elem_id="atypie-staff-tabs"):
                with labels(gr.Tab, texts={"label": "staff.tab.profiles"}, elem_id="atypie-staff-tab-profiles"):
                    table = compat.html(elem_id="atypie-profiles-table")
                    with gr.Row():
                        new_id = labels(gr.Textbox, texts={"label": "create.id"}, max_length=64,
                                        elem_id="atypie-create-id")
                        preset = labels(gr.Dropdown, texts={"label": "create.preset"}, choices=list(preset_names()),
                                        value="standard", elem_id="atypie-create-preset")
                        new_label = labels(gr.Textbox, texts={"label": "create.label"}, max_length=120,
                                           elem_id="atypie-create-label")
                    create = labels(gr.Button, texts={"value": "create.button"}, variant="primary",
                                    elem_id="atypie-create")
                    confirm = labels(gr.Checkbox, texts={"label": "delete.confirm"}, elem_id="atypie-delete-confirm")
                    delete = labels(gr.Button, texts={"value": "delete.button"}, variant="stop",
                                    elem_id="atypie-delete")
                with labels(gr.Tab, texts={"label": "staff.tab.settings"}, elem_id="atypie-staff-tab-settings"):
                    load = labels(gr.Button, texts={"value": "settings.load"}, elem_id="atypie-settings-load")
                    settings = labels(gr.Textbox, texts={"label": "settings.text", "info": "settings.info"}, lines=16,
                                      max_lines=40, elem_id="atypie-settings-text")
                    version = labels(gr.Number, texts={"label": "settings.version"}, precision=0, interactive=False,
                                     elem_id="atypie-settings-version")
                    save = labels(gr.Button, texts={"value": "settings.save"}, variant="primary",
                                  elem_id="atypie-settings-save")
                    with labels(gr.Accordion, texts={"label": "settings.keys"}, open=False,
                                elem_id="atypie-settings-keys"):
                        gr.Markdown(", ".join(f"`{key}`" for key in setting_keys()))
                with labels(gr.Tab, texts={"label": "staff.tab.images"}, elem_id="atypie-staff-tab-images"):
                    reason = labels(gr.Textbox, texts={"label": "images.reason"}, max_length=500, lines=2,
                                    elem_id="atypie-images-reason")
                    quota = labels(gr.Number, texts={"label": "images.quota"}, value=10, precision=0, minimum=1,
                                   maximum=200, elem_id="atypie-images-quota")
                    with gr.Row():
                        allow = labels(gr.Button, texts={"value": "images.allow"}, variant="primary",
                                       elem_id="atypie-images-allow")
                        revoke_images = labels(gr.Button, texts={"value": "images.revoke"}, variant="stop",
                                               elem_id="atypie-images-revoke")
                with labels(gr.Tab, texts={"label": "staff.tab.codes"}, elem_id="atypie-staff-tab-codes"):
                    with gr.Row():
                        expires = labels(gr.Number, texts={"label": "codes.expires"}, value=365, precision=0,
                                         minimum=0, maximum=3650, elem_id="atypie-codes-expires")
                        pseudonym = labels(gr.Textbox, texts={"label": "codes.pseudonym"}, max_length=64,
                                           elem_id="atypie-codes-pseudonym")
                    issue = labels(gr.Button, texts={"value": "codes.issue"}, variant="primary",
                                   elem_id="atypie-codes-issue")
                    new_code = labels(gr.Textbox, texts={"label": "codes.new"}, interactive=False,
                                      elem_id="atypie-codes-new")
                    list_codes = labels(gr.Button, texts={"value": "codes.list"}, elem_id="atypie-codes-list")
                    codes = compat.html(elem_id="atypie-codes-table")
                    revoke_id = labels(gr.Textbox, texts={"label": "codes.revoke_id"}, max_length=100,
                                       elem_id="atypie-codes-revoke-id")
                    revoke_code = labels(gr.Button, texts={"value": "codes.revoke"}, variant="stop",
                                         elem_id="atypie-codes-revoke")
                with labels(gr.Tab, texts={"label": "staff.tab.glossary"}, elem_id="atypie-staff-tab-glossary"):
                    labels(gr.Markdown, texts={"value": "glossary.help"}, elem_id="atypie-glossary-help")
                    with gr.Row():
                        glossary_file = labels(gr.File, texts={"label": "glossary.file"}, file_count="single",
                                               file_types=[".csv", ".txt", ".toml"], type="filepath",
                                               elem_id="atypie-glossary-file")
                        glossary_course = labels(gr.Textbox, texts={"label": "glossary.course"}, max_length=120,
                                                 elem_id="atypie-glossary-course")
                    with gr.Row():
                        import_glossary = labels(gr.Button, texts={"value": "glossary.import"}, variant="primary",
                                                 elem_id="atypie-glossary-import")
                        list_glossary = labels(gr.Button, texts={"value": "glossary.list"},
                                               elem_id="atypie-glossary-list")
                    glossary_table = compat.html(elem_id="atypie-glossary-table")
                with labels(gr.Tab, texts={"label": "staff.tab.usage"}, elem_id="atypie-staff-tab-usage"):
                    since = labels(gr.Textbox, texts={"label": "usage.since"}, max_length=10,
                                   elem_id="atypie-usage-since")
                    usage = labels(gr.Button, texts={"value": "usage.button"}, variant="primary",
                                   elem_id="atypie-usage-run")
                    usage_table = compat.html(elem_id="atypie-usage-table")
                    usage_files = labels(gr.File, texts={"label": "files.label"}, file_count="multiple",
                                         interactive=False, elem_id="atypie-usage-files")

        def listing(credential: StaffCredential, lang: str, selected: str | None = None) -> dict:
            ids = desk.profile_ids(credential)
            return {profile: gr.Dropdown(choices=ids, value=selected if selected in ids else None),
                    table: desk.profiles_table(credential, lang)}

        def signed_in(credential: StaffCredential, lang: str) -> dict:
            message = views.status(t("login.done", lang, name=desk.who(credential)))
            return {session: credential.token, status: message, workspace: gr.Column(visible=True),
                    **listing(credential, lang)}

        def on_login(request, token: str | None, name: str, password: str, lang: str):
            browser = binding.of_request(request)
            desk.logout(StaffCredential(token, browser))  # signing in again ends the previous session
            credential = desk.login(name, password, binding=browser, client=_client_of(request))
            return {**signed_in(credential, lang), login_password: ""}

        def on_open(request, token: str | None, lang: str):
            """A page (re)loaded in a browser with a live session gets it back, as after signing in: the session is
            in the store, so this works after a restart or from another process."""
            credential = None if token else desk.sessions.resume(binding.of_request(request))
            return gr.skip() if credential is None else signed_in(credential, lang)

        def on_logout(credential: StaffCredential, lang: str):
            desk.logout(credential)
            return {session: None, status: views.status(t("logout.done", lang)), workspace: gr.Column(visible=False)}

        def on_create(credential: StaffCredential, profile_id: str, preset: str, label: str, lang: str):
            created = desk.create_profile(credential, profile_id, preset, label)
            return {status: views.status(t("create.done", lang, profile_id=created)),
                    **listing(credential, lang, created)}

        def on_delete(credential: StaffCredential, profile_id: str, confirmed: bool, lang: str):
            desk.delete_profile(credential, profile_id, confirmed, lang)
            return {status: views.status(t("delete.done", lang, profile_id=profile_id)), confirm: False,
                    **listing(credential, lang)}

        def on_load(credential: StaffCredential, profile_id: str, lang: str):
            read = desk.read_settings(credential, profile_id, lang)
            return {settings: read.text, version: read.version}

        def on_save(credential: StaffCredential, profile_id: str, text: str, read_version: float, lang: str):
            saved = desk.save_settings(credential, profile_id, text, read_version, lang)
            return {status: views.status(t("settings.done", lang, version=saved)), version: saved}

        def on_allow(credential: StaffCredential, profile_id: str, why: str, daily: float, lang: str):
            granted = desk.allow_images(credential, profile_id, why, daily)
            return {status: views.status(t("images.allowed", lang, profile_id=profile_id, quota=granted)),
                    **listing(credential, lang, profile_id)}

        def on_revoke_images(credential: StaffCredential, profile_id: str, lang: str):
            desk.revoke_images(credential, profile_id)
            return {status: views.status(t("images.revoked", lang, profile_id=profile_id)),
                    **listing(credential, lang, profile_id)}

        def on_issue(credential: StaffCredential, profile_id: str, days: float, alias: str, lang: str):
            return {new_code: desk.issue_code(credential, profile_id, days, alias),
                    codes: desk.codes_table(credential, profile_id, lang)}

        def on_revoke_code(credential: StaffCredential, code_or_id: str, lang: str):
            revoked = desk.revoke_code(credential, code_or_id)
            return {status: views.status(t("codes.revoked", lang, code_id=revoked)), revoke_id: ""}

        def on_import_glossary(credential: StaffCredential, profile_id: str, path: str | None, course: str,
                               lang: str):
            count = desk.import_glossary(credential, profile_id, path, course, lang)
            return {status: views.status(t("glossary.done", lang, count=count, profile_id=profile_id)),
                    glossary_table: desk.glossary_table(credential, profile_id, lang)}

        report = ViewOutputs(Report, table_html=usage_table, files=usage_files)

        def on_usage(credential: StaffCredential, start: str, lang: str):
            return report.of(desk.usage_report(credential, start, lang))

        def bound(fn):
            """`fn(credential, *inputs)` as a Gradio handler of `(request, token, *inputs)`: the credential joins
            the page's token to the request's cookie, so that the Gradio session id alone opens nothing."""

            def run(request, token: str | None, *args):
                return fn(StaffCredential(token, binding.of_request(request)), *args)

            # What Gradio and the guard read: the request and the token, then fn's own parameters after the credential.
            own = list(inspect.signature(fn).parameters.values())[1:]
            run.__signature__ = inspect.Signature([_positional("request"), _positional("token"), *own])
            return guarded(compat.takes_request(run, fn.__name__))

        # Signing in (button or Enter in the password field) shows the workspace: label its tabs in the chosen language.
        gr.on([login.click, login_password.submit], guarded(compat.takes_request(on_login)),
              [session, login_name, login_password, switch],
              [session, status, workspace, login_password, profile, table], api_name="login").success(
            labels.updates, switch, labels.components, queue=False, api_visibility="private")
        events = (
            (logout, on_logout, [session, switch], [session, status, workspace], "logout"),
            (refresh, listing, [session, switch], [profile, table], "refresh_profiles"),
            (create, on_create, [session, new_id, preset, new_label, switch], [status, profile, table],
             "create_profile"),
            (delete, on_delete, [session, profile, confirm, switch], [status, confirm, profile, table],
             "delete_profile"),
            (load, on_load, [session, profile, switch], [settings, version], "read_settings"),
            (save, on_save, [session, profile, settings, version, switch], [status, version], "save_settings"),
            (allow, on_allow, [session, profile, reason, quota, switch], [status, profile, table], "allow_images"),
            (revoke_images, on_revoke_images, [session, profile, switch], [status, profile, table], "revoke_images"),
            (issue, on_issue, [session, profile, expires, pseudonym, switch], [new_code, codes], "issue_code"),
            (list_codes, desk.codes_table, [session, profile, switch], [codes], "list_codes"),
            (revoke_code, on_revoke_code, [session, revoke_id, switch], [status, revoke_id], "revoke_code"),
            (import_glossary, on_import_glossary, [session, profile, glossary_file, glossary_course, switch],
             [status, glossary_table], "import_glossary"),
            (list_glossary, desk.glossary_table, [session, profile, switch], [glossary_table], "list_glossary"),
            (usage, on_usage, [session, since, switch], report.outputs, "usage_report"),
        )
        for button, fn, inputs, outputs, api_name in events:
            button.click(bound(fn), inputs, outputs, api_name=api_name)
        blocks.load(guarded(compat.takes_request(on_open)), [session, switch],
                    [session, status, workspace, profile, table], api_visibility="private")
        switch.change(labels.updates, switch, labels.components, js=switch_js("staff.title"), queue=False,
                      api_visibility="private")
    return blocks


def _positional(name: str) -> inspect.Parameter:
    return inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD)


def _client_of(request) -> str:
    client = getattr(request, "client", None)
    return getattr(client, "host", "") or ""
