using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DerSim.Sim.Physics;

namespace DerSim.Sim.Engine;

/// <summary>
/// A <see cref="MeterSample"/> as an OCPP meterValue: 1.6 writes values as text and the unit as <c>unit</c>,
/// 2.x writes numbers and <c>unitOfMeasure.unit</c>. Values are rounded to what a real meter shows.
/// </summary>
internal static class MeterJson
{
    public static JsonArray MeterValues(MeterSample sample, string context, bool v16) =>
        [MeterValue(sample, context, v16)];

    public static JsonObject MeterValue(MeterSample sample, string context, bool v16)
    {
        var values = new JsonArray();
        foreach (var reading in sample.Readings)
        {
            var value = Rounded(reading);
            var item = new JsonObject
            {
                ["value"] = v16 ? JsonValue.Create(value.ToString(CultureInfo.InvariantCulture)) : JsonValue.Create(value),
                ["context"] = context,
                ["measurand"] = reading.Measurand,
            };
            if (reading.Phase is { } phase)
            {
                item["phase"] = phase;
            }

            item["location"] = reading.Measurand == "SoC" ? "EV" : "Outlet";
            if (v16)
            {
                item["unit"] = reading.Unit;
            }
            else
            {
                item["unitOfMeasure"] = new JsonObject { ["unit"] = reading.Unit };
            }

            values.Add(item);
        }

        return new JsonObject { ["timestamp"] = Timestamp(sample.Timestamp), ["sampledValue"] = values };
    }

    /// <summary>Whole Wh, W and V; A and percent to a tenth.</summary>
    public static decimal Rounded(MeterReading reading) =>
        Math.Round((decimal)reading.Value, reading.Unit is "A" or "Percent" ? 1 : 0, MidpointRounding.AwayFromZero);

    /// <summary>The energy register of <paramref name="sample"/> in whole Wh, as 1.6 meterStart/meterStop.</summary>
    public static int RegisterWh(MeterSample sample) =>
        sample.Of("Energy.Active.Import.Register").Select(r => (int)Rounded(r)).FirstOrDefault();

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonElement Element(JsonObject payload)
    {
        using var doc = JsonDocument.Parse(payload.ToJsonString());
        return doc.RootElement.Clone();
    }
}
