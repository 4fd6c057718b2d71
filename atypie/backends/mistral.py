"""The Mistral backend (`mistralai` SDK): Mistral's API, a self-hosted server or a gateway speaking its API.

Every call has a timeout; 429 and 5xx answers and transport errors are retried a bounded number of
times with exponential backoff; an answer that is not valid JSON for the task's schema, or that the
task rejects, gets one repair request. A whole request (retries and repair included) has a deadline
(ATYPIE_MISTRAL_DEADLINE_S): each attempt's timeout and each backoff are cut to what is left of it.
When all that fails, the task runs offline and the result carries a notice saying why (or, with
`fallback="error"`, a clear error is raised). Keys and course content are never logged.
"""
from __future__ import annotations

import base64
import json
import logging
import os
import time
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from ..config import DEFAULT_MISTRAL_DEADLINE_S, Settings
from ..errors import BackendNotConfigured, BackendUnavailable
from ..results import Notice
from .base import Backend, BackendResult, OcrText, StructuredTask, T
from .offline import OfflineBackend
from .prompts import repair_prompt, system_prompt, wrap_document

logger = logging.getLogger("atypie.backends.mistral")

RETRYABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
MAX_BACKOFF_S = 8.0


class MistralOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")
    server_url: str | None = None
    chat_model: str = "mistral-small-latest"
    vision_model: str = "pixtral-12b-latest"
    ocr_model: str = "mistral-ocr-latest"
    temperature: float = Field(0.2, ge=0, le=1.5)
    timeout_s: float = Field(30.0, gt=0, le=600)
    max_retries: int = Field(2, ge=0, le=6)
    backoff_s: float = Field(0.5, ge=0, le=10)
    json_mode: Literal["json_schema", "json_object"] = "json_schema"
    fallback: Literal["offline", "error"] = "offline"
    max_answer_chars: int = Field(50_000, ge=100)

    @classmethod
    def from_env(cls, env: dict[str, str]) -> "MistralOptions":
        names = {"server_url": "MISTRAL_SERVER_URL", "chat_model": "ATYPIE_MISTRAL_CHAT_MODEL",
                 "vision_model": "ATYPIE_MISTRAL_VISION_MODEL", "ocr_model": "ATYPIE_MISTRAL_OCR_MODEL",
                 "timeout_s": "ATYPIE_MISTRAL_TIMEOUT_S", "max_retries": "ATYPIE_MISTRAL_MAX_RETRIES",
                 "backoff_s": "ATYPIE_MISTRAL_BACKOFF_S", "json_mode": "ATYPIE_MISTRAL_JSON_MODE",
                 "fallback": "ATYPIE_MISTRAL_FALLBACK"}
        values = {field: env[var] for field, var in names.items() if env.get(var)}
        try:
            return cls.model_validate(values)
        except ValidationError as exc:
            bad = names[str(exc.errors()[0]["loc"][0])]
            raise BackendNotConfigured(backend="mistral", detail=f"{bad} n'a pas une valeur valide") from None


class _Failure(Exception):
    """A call that did not give a usable answer; `reason` is a short code, safe to show and log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_REASONS_FR = {"timeout": "délai dépassé", "connection": "serveur injoignable",
               "invalid-answer": "réponse non valide", "malformed-response": "réponse illisible"}
_REASONS_EN = {"timeout": "timed out", "connection": "server unreachable",
               "invalid-answer": "invalid answer", "malformed-response": "unreadable response"}


_DEADLINE_NOTICE = Notice("backend-fallback",
                          fr="Le serveur Mistral n'a pas répondu à temps : voici le résultat calculé hors ligne.",
                          en="The Mistral server did not answer in time: here is the result computed offline.")


def _fallback_notice(reason: str) -> Notice:
    if reason == "deadline":
        return _DEADLINE_NOTICE
    fr = _REASONS_FR.get(reason, f"erreur {reason.removeprefix('http-')}")
    en = _REASONS_EN.get(reason, f"error {reason.removeprefix('http-')}")
    return Notice("backend-fallback",
                  fr=f"Mistral n'a pas pu répondre ({fr}) : ce résultat a été calculé hors ligne.",
                  en=f"Mistral could not answer ({en}): this result was computed offline.")


class MistralBackend(Backend):
    id = "mistral"

    def __init__(self, options: MistralOptions, api_key: SecretStr, offline: Backend,
                 deadline_s: float = DEFAULT_MISTRAL_DEADLINE_S) -> None:
        super().__init__(options)
        self._api_key = api_key
        self._offline = offline
        self._deadline_s = deadline_s
        self._client = None

    @classmethod
    def from_settings(cls, settings: Settings, env: dict[str, str] | None = None) -> "MistralBackend":
        env = dict(os.environ if env is None else env)
        if not env.get("MISTRAL_API_KEY"):
            raise BackendNotConfigured(backend="mistral", detail="la variable MISTRAL_API_KEY est vide")
        return cls(MistralOptions.from_env(env), SecretStr(env["MISTRAL_API_KEY"]),
                   OfflineBackend.from_settings(settings), settings.mistral_deadline_s)

    # --- structured generation ------------------------------------------------------------------

    def run(self, task: StructuredTask[T]) -> BackendResult[T]:
        model = self.options.vision_model if task.image else self.options.chat_model
        messages = [{"role": "system", "content": system_prompt(task.instructions(), task.schema, task.lang)},
                    {"role": "user", "content": self._user_content(task)}]
        deadline = self._new_deadline()
        try:
            for attempt in ("first", "repair"):
                raw = self._chat(model, messages, task, deadline)
                answer, problem = self._accept(raw, task)
                if answer is not None:
                    logger.info("task=%s backend=mistral model=%s accepted on %s answer", task.name, model, attempt)
                    return BackendResult(answer, backend=self.id, model=model)
                logger.info("task=%s backend=mistral model=%s rejected %s answer", task.name, model, attempt)
                messages += [{"role": "assistant", "content": raw[: self.options.max_answer_chars]},
                             {"role": "user", "content": repair_prompt(problem, task.lang)}]
            failure = _Failure("invalid-answer")
        except _Failure as caught:
            failure = caught
        return self._fall_back(task, failure)

    def _fall_back(self, task: StructuredTask[T], failure: _Failure) -> BackendResult[T]:
        if self.options.fallback == "error":
            raise BackendUnavailable(backend=self.id, detail=failure.reason)
        logger.warning("task=%s backend=mistral failed (%s); running offline", task.name, failure.reason)
        offline = self._offline.run(task)
        return BackendResult(offline.value, backend=offline.backend, model=offline.model,
                             notices=[*offline.notices, _fallback_notice(failure.reason)])

    def _user_content(self, task: StructuredTask):
        document = wrap_document(task.source)
        if task.image is None:
            return document
        data_url = f"data:{task.image.mime};base64,{base64.b64encode(task.image.data).decode('ascii')}"
        return [{"type": "text", "text": document}, {"type": "image_url", "image_url": data_url}]

    def _accept(self, raw: str, task: StructuredTask[T]) -> tuple[T | None, str]:
        if len(raw) > self.options.max_answer_chars:
            return None, f"answer longer than {self.options.max_answer_chars} characters"
        try:
            answer = task.schema.model_validate(json.loads(_strip_fences(raw)))
        except json.JSONDecodeError as exc:
            return None, f"not valid JSON ({exc.msg})"
        except ValidationError as exc:
            first = exc.errors()[0]
            return None, f"does not follow the schema at {'.'.join(map(str, first['loc'])) or 'root'}: {first['msg']}"
        problems = task.problems(answer)
        return (None, "; ".join(problems)) if problems else (answer, "")

    def _chat(self, model: str, messages: list[dict], task: StructuredTask, deadline: float) -> str:
        if self.options.json_mode == "json_schema":
            response_format = {"type": "json_schema", "json_schema": {
                "name": task.name, "schema": task.schema.model_json_schema(), "strict": True}}
        else:
            response_format = {"type": "json_object"}
        response = self._call(lambda client, timeout_ms, retries: client.chat.complete(
            model=model, messages=messages, response_format=response_format,
            temperature=self.options.temperature, timeout_ms=timeout_ms, retries=retries), deadline)
        try:
            content = response.choices[0].message.content
        except (AttributeError, IndexError, TypeError):
            raise _Failure("malformed-response") from None
        if isinstance(content, list):  # content chunks
            content = "".join(getattr(chunk, "text", "") or "" for chunk in content)
        if not isinstance(content, str):
            raise _Failure("malformed-response")
        return content

    # --- OCR --------------------------------------------------------------------------------------

    def ocr(self, image: bytes, mime: str) -> OcrText:
        data_url = f"data:{mime};base64,{base64.b64encode(image).decode('ascii')}"
        try:
            response = self._call(lambda client, timeout_ms, retries: client.ocr.process(
                model=self.options.ocr_model, document={"type": "image_url", "image_url": data_url},
                timeout_ms=timeout_ms, retries=retries), self._new_deadline())
            text = "\n\n".join(page.markdown for page in response.pages).strip()
        except _Failure as failure:
            if self.options.fallback == "error":
                raise BackendUnavailable(backend=self.id, detail=failure.reason) from None
            offline = self._offline.ocr(image, mime)
            return OcrText(offline.text, offline.backend, offline.model, [_fallback_notice(failure.reason)])
        return OcrText(text, backend=self.id, model=self.options.ocr_model)

    # --- transport --------------------------------------------------------------------------------

    def ping(self) -> str | None:
        """None when the server answers the model list; otherwise a short reason."""
        try:
            self._call(lambda client, timeout_ms, retries: client.models.list(timeout_ms=timeout_ms, retries=retries),
                       self._new_deadline(), attempts=1)
        except _Failure as failure:
            return failure.reason
        return None

    def _new_deadline(self) -> float:
        """The `time.monotonic()` by which a request must be over, retries and repair included."""
        return time.monotonic() + self._deadline_s

    def _call(self, do, deadline: float, attempts: int | None = None):
        """Run `do(client, timeout_ms, retries)` with our own bounded retries and backoff, all before `deadline`.

        Each attempt's timeout is cut to what is left; a timeout so cut, or no time left for a first
        attempt, fails with the reason "deadline"."""
        import httpx2
        from mistralai.client.errors import MistralError, ResponseValidationError
        from mistralai.client.utils import BackoffStrategy, RetryConfig

        no_sdk_retries = RetryConfig("none", BackoffStrategy(1, 1, 1.0, 1), False)
        attempts = attempts or self.options.max_retries + 1
        reason = "deadline"
        for attempt in range(attempts):
            left = deadline - time.monotonic()
            if left <= 0:
                break
            timeout_s = min(self.options.timeout_s, left)
            retry_after = None
            try:
                return do(self._get_client(), max(1, int(timeout_s * 1000)), no_sdk_retries)
            except ResponseValidationError:
                raise _Failure("malformed-response") from None
            except MistralError as exc:
                reason = f"http-{exc.status_code}"
                if exc.status_code not in RETRYABLE_STATUS:
                    raise _Failure(reason) from None
                retry_after = exc.headers.get("retry-after")
            except httpx2.TimeoutException:
                reason = "deadline" if timeout_s < self.options.timeout_s else "timeout"
            except httpx2.TransportError:
                reason = "connection"
            except (ValueError, TypeError):  # bodies the SDK cannot parse
                raise _Failure("malformed-response") from None
            logger.info("backend=mistral attempt=%d failed: %s", attempt + 1, reason)
            if attempt + 1 < attempts:
                time.sleep(max(0.0, min(self._delay(attempt, retry_after), deadline - time.monotonic())))
        raise _Failure(reason)

    def _delay(self, attempt: int, retry_after: str | None) -> float:
        try:
            if retry_after is not None:
                return min(float(retry_after), MAX_BACKOFF_S)
        except ValueError:
            pass
        return min(self.options.backoff_s * 2 ** attempt, MAX_BACKOFF_S)

    def _get_client(self):
        if self._client is None:
            from mistralai.client import Mistral

            self._client = Mistral(api_key=self._api_key.get_secret_value(), server_url=self.options.server_url,
                                   timeout_ms=int(self.options.timeout_s * 1000))
        return self._client


def _strip_fences(raw: str) -> str:
    text = raw.strip()
    if text.startswith("```"):
        text = text.split("\n", 1)[1] if "\n" in text else ""
        text = text.rsplit("```", 1)[0]
    return text
