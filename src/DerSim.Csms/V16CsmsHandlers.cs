using System.Globalization;
using DerSim.Ocpp;
using DerSim.Ocpp.V16;

namespace DerSim.Csms;

/// <summary>The reference CSMS's answers in OCPP 1.6J.</summary>
internal static class V16CsmsHandlers
{
    public static void Register(CsmsContext context)
    {
        var state = context.State;
        context.Handle<BootNotificationRequest, BootNotificationResponse>(request =>
        {
            state.BootCount++;
            var verdict = context.BootStatus;
            state.Registration = verdict;
            state.VendorModel = $"{request.ChargePointVendor} {request.ChargePointModel}";
            var status = verdict switch
            {
                CsmsBootStatus.Accepted => BootNotificationStatus.Accepted,
                CsmsBootStatus.Pending => BootNotificationStatus.Pending,
                _ => BootNotificationStatus.Rejected,
            };
            return new BootNotificationResponse(status, context.Now, context.Options.HeartbeatIntervalSeconds);
        });

        context.Handle<HeartbeatRequest, HeartbeatResponse>(_ =>
        {
            state.HeartbeatCount++;
            return new HeartbeatResponse(context.Now);
        });

        context.Handle<StatusNotificationRequest, StatusNotificationResponse>(request =>
        {
            state.ConnectorStatus[$"0/{request.ConnectorId}"] = request.Status.ToString();
            return new StatusNotificationResponse();
        });

        context.Handle<AuthorizeRequest, AuthorizeResponse>(request => new AuthorizeResponse(TagInfo(context, request.IdTag)));

        context.Handle<StartTransactionRequest, StartTransactionResponse>(request =>
        {
            var id = context.NextTransactionId();
            state.Transactions[id.ToString(CultureInfo.InvariantCulture)] = new CsmsTransaction(id.ToString(CultureInfo.InvariantCulture), request.ConnectorId, request.IdTag, request.Timestamp)
            {
                MeterStartWh = request.MeterStart,
            };
            return new StartTransactionResponse(TagInfo(context, request.IdTag), id);
        });

        context.Handle<StopTransactionRequest, StopTransactionResponse>(request =>
        {
            if (state.Transactions.TryGetValue(request.TransactionId.ToString(CultureInfo.InvariantCulture), out var transaction))
            {
                transaction.EndedAt = request.Timestamp;
                transaction.MeterStopWh = request.MeterStop;
            }

            return new StopTransactionResponse { IdTagInfo = request.IdTag is { } tag ? TagInfo(context, tag) : null };
        });

        context.Handle<MeterValuesRequest, MeterValuesResponse>(request =>
        {
            context.KeepMeterValues(request.MeterValue);
            return new MeterValuesResponse();
        });

        // The reference CSMS has no vendor extensions.
        context.Handle<DataTransferRequest, DataTransferResponse>(_ => new DataTransferResponse(DataTransferStatus.UnknownVendorId));

        V16CsmsFirmwareHandlers.Register(context);
        context.HandleTheRestMinimally();
    }

    // 1.6 IdTagInfo: the status and the parentIdTag of the token's group.
    private static IdTagInfo TagInfo(CsmsContext context, string idTag)
    {
        var token = context.Authorize(idTag);
        // CsmsTokenStatus names the IdTagInfo statuses it stands for.
        return new(NameMatch.Of<CsmsTokenStatus, IdTagInfoStatus>(token.Status))
        { ParentIdTag = token.GroupId };
    }
}
