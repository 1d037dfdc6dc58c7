using DerSim.Ocpp;
using DerSim.Ocpp.Dialects;
using DerSim.Ocpp.V21;

namespace DerSim.Csms;

/// <summary>The reference CSMS's answers in OCPP 2.0.1 and 2.1 (one 2.x family over the 2.1 types).</summary>
internal static class Ocpp2CsmsHandlers
{
    public static void Register(CsmsContext context, Ocpp2Dialect dialect)
    {
        var state = context.State;
        context.Handle<BootNotificationRequest, BootNotificationResponse>(request =>
        {
            state.BootCount++;
            var verdict = context.BootStatus;
            state.Registration = verdict;
            state.VendorModel = $"{request.ChargingStation.VendorName} {request.ChargingStation.Model}";
            var status = verdict switch
            {
                CsmsBootStatus.Accepted => RegistrationStatusEnumType.Accepted,
                CsmsBootStatus.Pending => RegistrationStatusEnumType.Pending,
                _ => RegistrationStatusEnumType.Rejected,
            };
            return new BootNotificationResponse(context.Now, context.Options.HeartbeatIntervalSeconds, status);
        });

        context.Handle<HeartbeatRequest, HeartbeatResponse>(_ =>
        {
            state.HeartbeatCount++;
            return new HeartbeatResponse(context.Now);
        });

        context.Handle<StatusNotificationRequest, StatusNotificationResponse>(request =>
        {
            state.ConnectorStatus[$"{request.EvseId}/{request.ConnectorId}"] = request.ConnectorStatus.ToString();
            return new StatusNotificationResponse();
        });

        context.Handle<AuthorizeRequest, AuthorizeResponse>(request => new AuthorizeResponse(TokenInfo(context, dialect, request.IdToken.IdToken)));

        context.Handle<TransactionEventRequest, TransactionEventResponse>(request =>
        {
            var id = request.TransactionInfo.TransactionId;
            var transaction = state.Transactions.GetOrAdd(id, _ => new CsmsTransaction(id, request.Evse?.Id ?? 0, request.IdToken?.IdToken, request.Timestamp));
            transaction.LastSeqNo = request.SeqNo;
            if (request.EventType == TransactionEventEnumType.Ended)
            {
                transaction.EndedAt = request.Timestamp;
            }

            if (request.MeterValue is { } meterValues)
            {
                context.KeepMeterValues(meterValues);
            }

            // 2.1 local cost calculation: the station prices the transaction with the tariff it was given and reports
            // the cost; the reference CSMS keeps that figure and, calculating none of its own, sends no totalCost.
            if (request.CostDetails?.TotalCost is { } cost)
            {
                transaction.StationCost = cost.Total.InclTax ?? cost.Total.ExclTax;
                transaction.Currency = cost.Currency;
            }

            // idTokenInfo is answered only when the event carries a token (2.0.1 E01.FR.xx: the CSMS authorises it).
            return new TransactionEventResponse { IdTokenInfo = request.IdToken is { } token ? TokenInfo(context, dialect, token.IdToken) : null };
        });

        context.Handle<MeterValuesRequest, MeterValuesResponse>(request =>
        {
            context.KeepMeterValues(request.MeterValue);
            return new MeterValuesResponse();
        });

        // The reference CSMS has no vendor extensions.
        context.Handle<DataTransferRequest, DataTransferResponse>(_ => new DataTransferResponse(DataTransferStatusEnumType.UnknownVendorId));

        if (context.Peer.Version == OcppVersion.V21)
        {
            Ocpp2CsmsV2xHandlers.Register(context);
        }

        context.HandleTheRestMinimally();
    }

    // 2.x IdTokenInfo: the status and the groupIdToken of the token's group (OCPP 2.0.1 C09, authorization by GroupId).
    private static IdTokenInfoType TokenInfo(CsmsContext context, Ocpp2Dialect dialect, string idToken)
    {
        var token = context.Authorize(idToken);
        // CsmsTokenStatus names the AuthorizationStatus values it stands for.
        var status = NameMatch.Of<CsmsTokenStatus, AuthorizationStatusEnumType>(token.Status);
        return new(status) { GroupIdToken = token.GroupId is { } group ? new IdTokenType(group, dialect.IdTokenType(token.GroupIdType, group)) : null };
    }
}
