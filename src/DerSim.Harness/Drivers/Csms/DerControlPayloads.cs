using DerSim.Ocpp;
using Ocpp2 = DerSim.Ocpp.V21;

namespace DerSim.Harness.Drivers.Csms;

/// <summary>A <see cref="DerControlSpec"/> as the generated OCPP 2.1 SetDERControl request, and the DER enums steps name.</summary>
internal static class DerControlPayloads
{
    /// <summary>The SetDERControl request of <paramref name="s"/>.</summary>
    /// <exception cref="ArgumentException">Not a control type the spec can express, or not a 2.1 unit.</exception>
    public static Ocpp2.SetDERControlRequest Set(DerControlSpec s)
    {
        if (!DerControlSpec.IsKnown(s.ControlType))
        {
            throw new ArgumentException($"'{s.ControlType}' is not a DER control type; expected one of {string.Join(", ", DerControlSpec.CurveTypes.Concat(DerControlSpec.SettingTypes))}");
        }

        var request = new Ocpp2.SetDERControlRequest(s.IsDefault, s.ControlId, ControlType(s.ControlType));
        return s.ControlType switch
        {
            "LimitMaxDischarge" => request with
            {
                LimitMaxDischarge = new Ocpp2.LimitMaxDischargeType(s.Priority) { PctMaxDischargePower = s.PctMaxDischargePower, StartTime = s.StartTime, Duration = s.DurationSeconds },
            },
            "FixedPFAbsorb" => request with { FixedPFAbsorb = FixedPF(s) },
            "FixedPFInject" => request with { FixedPFInject = FixedPF(s) },
            "FixedVar" => request with
            {
                FixedVar = new Ocpp2.FixedVarType(s.Priority, s.VarSetpoint ?? 0, Unit(s.VarUnit)) { StartTime = s.StartTime, Duration = s.DurationSeconds },
            },
            "FreqDroop" => request with
            {
                FreqDroop = new Ocpp2.FreqDroopType(s.Priority, s.OverFreq, s.UnderFreq, s.OverDroop, s.UnderDroop, s.ResponseTime ?? 0) { StartTime = s.StartTime, Duration = s.DurationSeconds },
            },
            // Gradients and EnterService carry no schedule of their own in 2.1.
            "Gradients" => request with { Gradient = new Ocpp2.GradientType(s.Priority, s.Gradient, s.SoftGradient) },
            "EnterService" => request with
            {
                EnterService = new Ocpp2.EnterServiceType(s.Priority, s.HighVoltage, s.LowVoltage, s.HighFreq, s.LowFreq) { Delay = s.Delay, RandomDelay = s.RandomDelay, RampRate = s.RampRate },
            },
            _ => request with
            {
                Curve = new Ocpp2.DERCurveType(s.Points, s.Priority, Unit(s.YUnit)) { ResponseTime = s.ResponseTime, StartTime = s.StartTime, Duration = s.DurationSeconds },
            },
        };
    }

    private static Ocpp2.FixedPFType FixedPF(DerControlSpec s) =>
        new(s.Priority, s.Displacement ?? 1, s.Excitation) { StartTime = s.StartTime, Duration = s.DurationSeconds };

    /// <summary>The DERControlEnumType value <paramref name="text"/> names.</summary>
    public static Ocpp2.DERControlEnumType ControlType(string text) => CsmsCommand.ParseWire<Ocpp2.DERControlEnumType>(OcppVersion.V21, "DER control", text, "DER control type");

    private static Ocpp2.DERUnitEnumType Unit(string text) => CsmsCommand.ParseWire<Ocpp2.DERUnitEnumType>(OcppVersion.V21, "DER control", text, "DER unit");
}
