import pytest

from atypie.energy import DEFAULT_CPU_WATTS, DEFAULT_GPU_WATTS, PowerFigures, metered
from atypie.errors import ConfigurationError, ImageGenerationRefused, InvalidInput


def test_energy_is_seconds_times_watts_in_watt_hours():
    power = PowerFigures(cpu_watts=15.0, gpu_watts=300.0)
    assert power.energy_wh(cpu_s=3600, gpu_s=0) == pytest.approx(15.0)
    assert power.energy_wh(cpu_s=0, gpu_s=12) == pytest.approx(1.0)


def test_power_figures_come_from_the_environment():
    assert PowerFigures.from_env({}) == PowerFigures(DEFAULT_CPU_WATTS, DEFAULT_GPU_WATTS)
    assert PowerFigures.from_env({"ATYPIE_CPU_WATTS": "8", "ATYPIE_GPU_WATTS": "700"}) == PowerFigures(8.0, 700.0)
    for bad in ("-1", "lots", "nan", "1e9"):
        with pytest.raises(ConfigurationError):
            PowerFigures.from_env({"ATYPIE_GPU_WATTS": bad})


def _outcomes(store):
    return [(row.operation, row.requests, row.refused, row.failed) for row in store.usage.report().rows]


def test_each_request_is_recorded_with_its_outcome(store):
    with metered(store, "work", "p") as measure:
        sum(i * i for i in range(200_000))
        measure.gpu_s = 0.5
    assert measure.cpu_s > 0 and measure.wall_s >= measure.cpu_s * 0.5
    assert measure.energy_wh == pytest.approx(PowerFigures.from_env().energy_wh(measure.cpu_s, 0.5))
    with pytest.raises(ImageGenerationRefused), metered(store, "gen", "p"):
        raise ImageGenerationRefused(profile_id="p", why="non")
    with pytest.raises(InvalidInput), metered(store, "bad", "p"):
        raise InvalidInput(detail="vide")
    assert sorted(_outcomes(store)) == [("bad", 1, 0, 1), ("gen", 1, 1, 0), ("work", 1, 0, 0)]


def test_without_a_store_nothing_is_recorded_but_the_measure_is_filled():
    with metered(None, "work", None) as measure:
        sum(range(100_000))
    assert measure.wall_s > 0
