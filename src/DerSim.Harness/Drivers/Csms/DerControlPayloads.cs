using System.Globalization;
using System.Text.Json.Nodes;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>The OCPP 2.1 SetDERControl / GetDERControl / ClearDERControl payloads of a <see cref="CsmsCommand"/>.</summary>
internal static class DerControlPayloads
{
    public static JsonObject Set(DerControlSpec spec)
    {
        var payload = new JsonObject
        {
            ["isDefault"] = spec.IsDefault,
            ["controlId"] = spec.ControlId,
            ["controlType"] = spec.ControlType,
        };
        var (name, settings) = Settings(spec);
        payload[name] = settings;
        return payload;
    }

    public static JsonObject Get(CsmsCommand c) => new()
    {
        ["requestId"] = c.ProfileId,
        ["isDefault"] = c.IsDefault,
        ["controlType"] = c.ControlType,
        ["controlId"] = c.ControlId,
    };

    public static JsonObject Clear(CsmsCommand c) => new()
    {
        ["isDefault"] = c.IsDefault ?? true,
        ["controlType"] = c.ControlType,
        ["controlId"] = c.ControlId,
    };

    private static (string Name, JsonObject Settings) Settings(DerControlSpec s) => s.ControlType switch
    {
        "LimitMaxDischarge" => ("limitMaxDischarge", Scheduled(s, new JsonObject { ["priority"] = s.Priority, ["pctMaxDischargePower"] = s.PctMaxDischargePower })),
        "FixedPFAbsorb" => ("fixedPFAbsorb", FixedPF(s)),
        "FixedPFInject" => ("fixedPFInject", FixedPF(s)),
        "FixedVar" => ("fixedVar", Scheduled(s, new JsonObject { ["priority"] = s.Priority, ["setpoint"] = s.VarSetpoint ?? 0, ["unit"] = s.VarUnit })),
        "FreqDroop" => ("freqDroop", Scheduled(s, new JsonObject
        {
            ["priority"] = s.Priority,
            ["overFreq"] = s.OverFreq,
            ["underFreq"] = s.UnderFreq,
            ["overDroop"] = s.OverDroop,
            ["underDroop"] = s.UnderDroop,
            ["responseTime"] = s.ResponseTime ?? 0,
        })),
        // Gradients and EnterService carry no schedule of their own in 2.1.
        "Gradients" => ("gradient", new JsonObject { ["priority"] = s.Priority, ["gradient"] = s.Gradient, ["softGradient"] = s.SoftGradient }),
        "EnterService" => ("enterService", new JsonObject
        {
            ["priority"] = s.Priority,
            ["highVoltage"] = s.HighVoltage,
            ["lowVoltage"] = s.LowVoltage,
            ["highFreq"] = s.HighFreq,
            ["lowFreq"] = s.LowFreq,
            ["delay"] = s.Delay,
            ["randomDelay"] = s.RandomDelay,
            ["rampRate"] = s.RampRate,
        }),
        var type when DerControlSpec.CurveTypes.Contains(type) => ("curve", Scheduled(s, new JsonObject
        {
            ["priority"] = s.Priority,
            ["yUnit"] = s.YUnit,
            ["curveData"] = new JsonArray([.. s.Points.Select(p => (JsonNode)new JsonObject { ["x"] = p.X, ["y"] = p.Y })]),
            ["responseTime"] = s.ResponseTime,
        })),
        var other => throw new ArgumentException($"'{other}' is not a DER control type; expected one of {string.Join(", ", DerControlSpec.CurveTypes.Concat(DerControlSpec.SettingTypes))}"),
    };

    private static JsonObject FixedPF(DerControlSpec s) =>
        Scheduled(s, new JsonObject { ["priority"] = s.Priority, ["displacement"] = s.Displacement ?? 1, ["excitation"] = s.Excitation });

    private static JsonObject Scheduled(DerControlSpec s, JsonObject settings)
    {
        if (s.StartTime is { } start)
        {
            settings["startTime"] = start.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }

        if (s.DurationSeconds is { } duration)
        {
            settings["duration"] = duration;
        }

        return settings;
    }
}
