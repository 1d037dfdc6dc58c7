'use strict';
// OCPP 2.1 E17 on the CSMS side (TC_E_117_CSMS): the TxProfile the CSMS set for a
// transaction is set again when the station resumes that transaction after a power
// loss or reboot (TransactionEvent Updated, triggerReason TxResumed): a station need
// not keep TxProfiles across one. Kept per station identity, across its connections.

const sent = new Map();

/** Remembers a SetChargingProfile the CSMS sent when it is a TxProfile for a transaction. */
function rememberTxProfile(identity, action, request) {
    const profile = request?.chargingProfile;
    if (action !== 'SetChargingProfile' || profile?.chargingProfilePurpose !== 'TxProfile' || !profile.transactionId) {
        return;
    }
    if (!sent.has(identity)) {
        sent.set(identity, new Map());
    }
    sent.get(identity).set(profile.transactionId, request);
}

/** The SetChargingProfile to send again after answering `method`, or null. */
function txProfileToRestore(identity, method, params) {
    if (method !== 'TransactionEvent' || params?.triggerReason !== 'TxResumed') {
        return null;
    }
    return sent.get(identity)?.get(params.transactionInfo?.transactionId) ?? null;
}

module.exports = { rememberTxProfile, txProfileToRestore };
