namespace DerSim.Ocpp.Validation;

/// <summary>Whether a payload is an action's request (CALL) or its response (CALLRESULT).</summary>
public enum PayloadKind
{
    /// <summary>The CALL payload.</summary>
    Request,

    /// <summary>The CALLRESULT payload.</summary>
    Response,
}
