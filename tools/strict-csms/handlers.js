'use strict';
const { idTagInfo, idTokenInfo } = require('./tokens');
// Canned, schema-valid answers to every station-initiated action of each
// version. `samples` holds a minimal request per action so --self-check can
// prove each answer validates against the strict schema.

function now() {
    return new Date().toISOString();
}

const accepted = { status: 'Accepted' };
const empty = () => ({});

function createV16(state, options) {
    const tagInfo = idTag => idTagInfo(options.tokens, idTag);
    const handlers = {
        Authorize: ({ params }) => ({ idTagInfo: tagInfo(params?.idTag) }),
        BootNotification: () => ({ status: 'Accepted', currentTime: now(), interval: options.heartbeatInterval }),
        DataTransfer: () => accepted,
        DiagnosticsStatusNotification: empty,
        FirmwareStatusNotification: empty,
        Heartbeat: () => ({ currentTime: now() }),
        LogStatusNotification: empty,
        MeterValues: empty,
        SecurityEventNotification: empty,
        SignCertificate: () => accepted,
        SignedFirmwareStatusNotification: empty,
        StartTransaction: ({ params }) => ({ transactionId: ++state.lastTransactionId, idTagInfo: tagInfo(params?.idTag) }),
        StatusNotification: empty,
        StopTransaction: ({ params }) => (params?.idTag ? { idTagInfo: tagInfo(params.idTag) } : {}),
    };
    const samples = {
        Authorize: { idTag: 'TAG' },
        BootNotification: { chargePointVendor: 'DerSim', chargePointModel: 'Probe' },
        DataTransfer: { vendorId: 'DerSim' },
        DiagnosticsStatusNotification: { status: 'Idle' },
        FirmwareStatusNotification: { status: 'Idle' },
        Heartbeat: {},
        LogStatusNotification: { status: 'Idle' },
        MeterValues: { connectorId: 1, meterValue: [] },
        SecurityEventNotification: { type: 'StartupOfTheDevice', timestamp: now() },
        SignCertificate: { csr: 'csr' },
        SignedFirmwareStatusNotification: { status: 'Idle' },
        StartTransaction: { connectorId: 1, idTag: 'TAG', meterStart: 0, timestamp: now() },
        StatusNotification: { connectorId: 1, errorCode: 'NoError', status: 'Available' },
        StopTransaction: { meterStop: 0, timestamp: now(), transactionId: 1 },
    };
    return { handlers, samples };
}

function createV2(state, options, is21) {
    const tokenInfo = idToken => idTokenInfo(options.tokens, idToken);
    const handlers = {
        Authorize: ({ params }) => ({ idTokenInfo: tokenInfo(params?.idToken) }),
        BootNotification: () => ({ currentTime: now(), interval: options.heartbeatInterval, status: 'Accepted' }),
        ClearedChargingLimit: empty,
        // It has no vendor extensions: the answer OCPP 2.x gives a vendor it does not know (P02.FR.06).
        DataTransfer: () => ({ status: 'UnknownVendorId' }),
        FirmwareStatusNotification: empty,
        Get15118EVCertificate: () => ({ status: 'Failed', exiResponse: '' }),
        GetCertificateStatus: () => ({ status: 'Failed' }),
        Heartbeat: () => ({ currentTime: now() }),
        LogStatusNotification: empty,
        MeterValues: empty,
        NotifyChargingLimit: empty,
        NotifyCustomerInformation: empty,
        NotifyDisplayMessages: empty,
        NotifyEVChargingNeeds: () => accepted,
        NotifyEVChargingSchedule: () => accepted,
        NotifyEvent: empty,
        NotifyMonitoringReport: empty,
        NotifyReport: empty,
        PublishFirmwareStatusNotification: empty,
        ReportChargingProfiles: empty,
        ReservationStatusUpdate: empty,
        SecurityEventNotification: empty,
        SignCertificate: () => accepted,
        StatusNotification: empty,
        // The CSMS answers idTokenInfo only when the event carries an idToken (E01.FR.xx).
        TransactionEvent: ({ params }) => (params?.idToken ? { idTokenInfo: tokenInfo(params.idToken) } : {}),
    };
    const ts = now();
    const samples = {
        Authorize: { idToken: { idToken: 'TAG', type: 'ISO14443' } },
        BootNotification: { chargingStation: { model: 'Probe', vendorName: 'DerSim' }, reason: 'PowerUp' },
        ClearedChargingLimit: { chargingLimitSource: 'EMS' },
        DataTransfer: { vendorId: 'DerSim' },
        FirmwareStatusNotification: { status: 'Idle' },
        Get15118EVCertificate: { iso15118SchemaVersion: 'x', action: 'Install', exiRequest: 'x' },
        GetCertificateStatus: { ocspRequestData: { hashAlgorithm: 'SHA256', issuerNameHash: 'a', issuerKeyHash: 'b', serialNumber: 'c', responderURL: 'http://x' } },
        Heartbeat: {},
        LogStatusNotification: { status: 'Idle' },
        MeterValues: { evseId: 1, meterValue: [{ timestamp: ts, sampledValue: [{ value: 1 }] }] },
        NotifyChargingLimit: { chargingLimit: { chargingLimitSource: 'EMS' } },
        NotifyCustomerInformation: { data: 'x', seqNo: 0, generatedAt: ts, requestId: 1 },
        NotifyDisplayMessages: { requestId: 1 },
        NotifyEVChargingNeeds: { evseId: 1, chargingNeeds: { requestedEnergyTransfer: 'DC' } },
        NotifyEVChargingSchedule: { timeBase: ts, evseId: 1, chargingSchedule: { id: 1, chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 1 }] } },
        NotifyEvent: { generatedAt: ts, seqNo: 0, eventData: [] },
        NotifyMonitoringReport: { requestId: 1, seqNo: 0, generatedAt: ts },
        NotifyReport: { requestId: 1, generatedAt: ts, seqNo: 0 },
        PublishFirmwareStatusNotification: { status: 'Idle' },
        ReportChargingProfiles: { requestId: 1, chargingLimitSource: 'EMS', evseId: 1, chargingProfile: [] },
        ReservationStatusUpdate: { reservationId: 1, reservationUpdateStatus: 'Expired' },
        SecurityEventNotification: { type: 'StartupOfTheDevice', timestamp: ts },
        SignCertificate: { csr: 'csr' },
        StatusNotification: { timestamp: ts, connectorStatus: 'Available', evseId: 1, connectorId: 1 },
        TransactionEvent: { eventType: 'Started', timestamp: ts, triggerReason: 'Authorized', seqNo: 0, transactionInfo: { transactionId: 'T1' }, idToken: { idToken: 'TAG', type: 'ISO14443' } },
    };
    if (is21) {
        // V2X authorisation (2.1 Q01): what it allowed per transaction (its NotifyAllowedEnergyTransfer) and the
        // transaction running per EVSE, so charging needs asking for a mode it did not allow are Rejected.
        state.v2x = { allowed: new Map(), dynamic: new Map(), running: new Map() };
        const transactionEvent = handlers.TransactionEvent;
        handlers.TransactionEvent = call => {
            const { params } = call;
            const id = params?.transactionInfo?.transactionId;
            if (params?.eventType === 'Started' && params?.evse?.id !== undefined) {
                state.v2x.running.set(params.evse.id, id);
            } else if (params?.eventType === 'Ended') {
                for (const [evse, tx] of state.v2x.running) {
                    if (tx === id) state.v2x.running.delete(evse);
                }
            }
            return transactionEvent(call);
        };
        handlers.NotifyEVChargingNeeds = ({ params }) => {
            const allowed = state.v2x.allowed.get(state.v2x.running.get(params?.evseId));
            const requested = params?.chargingNeeds?.requestedEnergyTransfer;
            return allowed && !allowed.includes(requested)
                ? { status: 'Rejected', statusInfo: { reasonCode: 'NotAllowed' } }
                : accepted;
        };
        Object.assign(handlers, {
            BatterySwap: empty,
            ClosePeriodicEventStream: empty,
            // One status per requested certificate; 'Unknown' because this peer has no OCSP responder.
            GetCertificateChainStatus: ({ params }) => ({
                certificateStatus: (params?.certificateStatusRequests ?? []).map(r => ({
                    certificateHashData: r.certificateHashData, source: r.source, status: 'Unknown', nextUpdate: now(),
                })),
            }),
            NotifyDERAlarm: empty,
            NotifyDERStartStop: empty,
            NotifyPriorityCharging: empty,
            NotifySettlement: empty,
            OpenPeriodicEventStream: () => accepted,
            // The values of a Dynamic profile it set (or last pushed); a profile it does not know is Rejected.
            PullDynamicScheduleUpdate: ({ params }) => (state.v2x.dynamic.has(params?.chargingProfileId)
                ? { status: 'Accepted', scheduleUpdate: state.v2x.dynamic.get(params.chargingProfileId) }
                : { status: 'Rejected', statusInfo: { reasonCode: 'UnknownProfile' } }),
            ReportDERControl: empty,
            VatNumberValidation: () => ({ vatNumber: 'unknown', status: 'Rejected' }),
        });
        Object.assign(samples, {
            BatterySwap: {},
            ClosePeriodicEventStream: { id: 1 },
            GetCertificateChainStatus: { certificateStatusRequests: [{ source: 'OCSP', urls: ['http://ocsp.invalid'], certificateHashData: { hashAlgorithm: 'SHA256', issuerNameHash: 'a', issuerKeyHash: 'b', serialNumber: 'c' } }] },
            NotifyDERAlarm: {},
            NotifyDERStartStop: {},
            NotifyPriorityCharging: {},
            NotifySettlement: {},
            OpenPeriodicEventStream: {},
            PullDynamicScheduleUpdate: { chargingProfileId: 1 },
            ReportDERControl: { requestId: 1 },
            VatNumberValidation: { vatNumber: 'unknown' },
        });
    }
    return { handlers, samples };
}

// What a 2.1 CSMS remembers of its own calls: the modes it allowed a transaction and the values of its Dynamic profiles.
function rememberSent(state, action, params) {
    const v2x = state.v2x;
    if (!v2x || !params) return;
    const numbers = (from, names) => Object.fromEntries(names.filter(n => typeof from?.[n] === 'number').map(n => [n, from[n]]));
    if (action === 'NotifyAllowedEnergyTransfer') {
        v2x.allowed.set(params.transactionId, params.allowedEnergyTransfer ?? []);
    } else if (action === 'SetChargingProfile' && params.chargingProfile?.chargingProfileKind === 'Dynamic') {
        const period = params.chargingProfile.chargingSchedule?.[0]?.chargingSchedulePeriod?.[0];
        v2x.dynamic.set(params.chargingProfile.id, numbers(period, ['limit', 'dischargeLimit', 'setpoint']));
    } else if (action === 'UpdateDynamicSchedule' && v2x.dynamic.has(params.chargingProfileId)) {
        v2x.dynamic.set(params.chargingProfileId, { ...v2x.dynamic.get(params.chargingProfileId), ...numbers(params.scheduleUpdate, ['limit', 'dischargeLimit', 'setpoint']) });
    }
}

function createHandlers(protocol, options) {
    const state = { lastTransactionId: 0 };
    const table = (() => {
        switch (protocol) {
            case 'ocpp1.6': return createV16(state, options);
            case 'ocpp2.0.1': return createV2(state, options, false);
            case 'ocpp2.1': return createV2(state, options, true);
            default: throw new Error(`Unsupported protocol '${protocol}'`);
        }
    })();
    return { ...table, sent: (action, params) => rememberSent(state, action, params) };
}

module.exports = { createHandlers };
