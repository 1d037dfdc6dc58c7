using DerSim.Ocpp.V16;

namespace DerSim.Csms;

/// <summary>
/// The reference CSMS's 1.6 FirmwareManagement answers: it acknowledges every FirmwareStatusNotification and
/// DiagnosticsStatusNotification (1.6 §4.4, §4.5: the confirmations carry nothing) and keeps the last state reported.
/// </summary>
internal static class V16CsmsFirmwareHandlers
{
    public static void Register(CsmsContext context)
    {
        var state = context.State;
        context.Handle<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse>(request =>
        {
            state.FirmwareStatus = request.Status.ToString();
            return new FirmwareStatusNotificationResponse();
        });

        context.Handle<DiagnosticsStatusNotificationRequest, DiagnosticsStatusNotificationResponse>(request =>
        {
            state.DiagnosticsStatus = request.Status.ToString();
            return new DiagnosticsStatusNotificationResponse();
        });
    }
}
