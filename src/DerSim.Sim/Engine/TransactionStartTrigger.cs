namespace DerSim.Sim.Engine;

/// <summary>What started a transaction, for 2.x triggerReason of the Started event (OCPP 2.0.1 E01: it names the start point met).</summary>
public enum TransactionStartTrigger
{
    /// <summary>A driver presented a token at the station (Authorized).</summary>
    Authorized,

    /// <summary>The CSMS started it (1.6 RemoteStartTransaction, 2.x RequestStartTransaction).</summary>
    RemoteStart,

    /// <summary>The EV's cable was plugged in (CablePluggedIn; TxStartPoint EVConnected, or PowerPathClosed with the token first).</summary>
    CablePluggedIn,

    /// <summary>The parking-bay detector saw the EV (EVDetected; TxStartPoint ParkingBayOccupancy).</summary>
    EVDetected,

    /// <summary>Energy started flowing (ChargingStateChanged, chargingState Charging; TxStartPoint EnergyTransfer).</summary>
    EnergyTransfer,

    /// <summary>The meter signed its start value (SignedDataReceived; TxStartPoint DataSigned).</summary>
    SignedData,
}
