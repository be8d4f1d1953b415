/* eslint-disable require-yield */

import { decodeMessage, encodeMessage, MaxLengthError, message, streamMessage } from 'protons-runtime'
import { alloc as uint8ArrayAlloc } from 'uint8arrays/alloc'
import type { Codec, DecodeOptions } from 'protons-runtime'
import type { Uint8ArrayList } from 'uint8arraylist'

export interface msp {}

export namespace msp {
  export interface SerializedIdentity {
    mspid: string
    idBytes: Uint8Array<ArrayBuffer>
  }

  export namespace SerializedIdentity {
    let _codec: Codec<SerializedIdentity>

    export const codec = (): Codec<SerializedIdentity> => {
      if (_codec == null) {
        _codec = message<SerializedIdentity>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.mspid != null && obj.mspid !== '')) {
            w.uint32(10)
            w.string(obj.mspid)
          }

          if ((obj.idBytes != null && obj.idBytes.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.idBytes)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            mspid: '',
            idBytes: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.mspid = reader.string()
                break
              }
              case 2: {
                obj.idBytes = reader.bytes()
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }

          return obj
        }, function * (reader, length, prefix, opts = {}) {
          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.mspid`,
                  value: reader.string()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.idBytes`,
                  value: reader.bytes()
                }
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }
        })
      }

      return _codec
    }

    export interface SerializedIdentityMspidFieldEvent {
      field: '$.mspid'
      value: string
    }

    export interface SerializedIdentityIdBytesFieldEvent {
      field: '$.idBytes'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<SerializedIdentity>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, SerializedIdentity.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SerializedIdentity>): SerializedIdentity {
      return decodeMessage(buf, SerializedIdentity.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SerializedIdentity>): Generator<SerializedIdentityMspidFieldEvent | SerializedIdentityIdBytesFieldEvent> {
      return streamMessage(buf, SerializedIdentity.codec(), opts)
    }
  }

  export interface SerializedIdemixIdentity {
    nymX: Uint8Array<ArrayBuffer>
    nymY: Uint8Array<ArrayBuffer>
    ou: Uint8Array<ArrayBuffer>
    role: Uint8Array<ArrayBuffer>
    proof: Uint8Array<ArrayBuffer>
  }

  export namespace SerializedIdemixIdentity {
    let _codec: Codec<SerializedIdemixIdentity>

    export const codec = (): Codec<SerializedIdemixIdentity> => {
      if (_codec == null) {
        _codec = message<SerializedIdemixIdentity>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.nymX != null && obj.nymX.byteLength > 0)) {
            w.uint32(10)
            w.bytes(obj.nymX)
          }

          if ((obj.nymY != null && obj.nymY.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.nymY)
          }

          if ((obj.ou != null && obj.ou.byteLength > 0)) {
            w.uint32(26)
            w.bytes(obj.ou)
          }

          if ((obj.role != null && obj.role.byteLength > 0)) {
            w.uint32(34)
            w.bytes(obj.role)
          }

          if ((obj.proof != null && obj.proof.byteLength > 0)) {
            w.uint32(42)
            w.bytes(obj.proof)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            nymX: uint8ArrayAlloc(0),
            nymY: uint8ArrayAlloc(0),
            ou: uint8ArrayAlloc(0),
            role: uint8ArrayAlloc(0),
            proof: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.nymX = reader.bytes()
                break
              }
              case 2: {
                obj.nymY = reader.bytes()
                break
              }
              case 3: {
                obj.ou = reader.bytes()
                break
              }
              case 4: {
                obj.role = reader.bytes()
                break
              }
              case 5: {
                obj.proof = reader.bytes()
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }

          return obj
        }, function * (reader, length, prefix, opts = {}) {
          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.nymX`,
                  value: reader.bytes()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.nymY`,
                  value: reader.bytes()
                }
                break
              }
              case 3: {
                yield {
                  field: `${prefix}.ou`,
                  value: reader.bytes()
                }
                break
              }
              case 4: {
                yield {
                  field: `${prefix}.role`,
                  value: reader.bytes()
                }
                break
              }
              case 5: {
                yield {
                  field: `${prefix}.proof`,
                  value: reader.bytes()
                }
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }
        })
      }

      return _codec
    }

    export interface SerializedIdemixIdentityNymXFieldEvent {
      field: '$.nymX'
      value: Uint8Array<ArrayBuffer>
    }

    export interface SerializedIdemixIdentityNymYFieldEvent {
      field: '$.nymY'
      value: Uint8Array<ArrayBuffer>
    }

    export interface SerializedIdemixIdentityOuFieldEvent {
      field: '$.ou'
      value: Uint8Array<ArrayBuffer>
    }

    export interface SerializedIdemixIdentityRoleFieldEvent {
      field: '$.role'
      value: Uint8Array<ArrayBuffer>
    }

    export interface SerializedIdemixIdentityProofFieldEvent {
      field: '$.proof'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<SerializedIdemixIdentity>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, SerializedIdemixIdentity.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SerializedIdemixIdentity>): SerializedIdemixIdentity {
      return decodeMessage(buf, SerializedIdemixIdentity.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SerializedIdemixIdentity>): Generator<SerializedIdemixIdentityNymXFieldEvent | SerializedIdemixIdentityNymYFieldEvent | SerializedIdemixIdentityOuFieldEvent | SerializedIdemixIdentityRoleFieldEvent | SerializedIdemixIdentityProofFieldEvent> {
      return streamMessage(buf, SerializedIdemixIdentity.codec(), opts)
    }
  }

  export interface MSPConfig {
    type: number
    config: Uint8Array<ArrayBuffer>
  }

  export namespace MSPConfig {
    let _codec: Codec<MSPConfig>

    export const codec = (): Codec<MSPConfig> => {
      if (_codec == null) {
        _codec = message<MSPConfig>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.type != null && obj.type !== 0)) {
            w.uint32(8)
            w.int32(obj.type)
          }

          if ((obj.config != null && obj.config.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.config)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            type: 0,
            config: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.type = reader.int32()
                break
              }
              case 2: {
                obj.config = reader.bytes()
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }

          return obj
        }, function * (reader, length, prefix, opts = {}) {
          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.type`,
                  value: reader.int32()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.config`,
                  value: reader.bytes()
                }
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }
        })
      }

      return _codec
    }

    export interface MSPConfigTypeFieldEvent {
      field: '$.type'
      value: number
    }

    export interface MSPConfigConfigFieldEvent {
      field: '$.config'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<MSPConfig>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, MSPConfig.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MSPConfig>): MSPConfig {
      return decodeMessage(buf, MSPConfig.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MSPConfig>): Generator<MSPConfigTypeFieldEvent | MSPConfigConfigFieldEvent> {
      return streamMessage(buf, MSPConfig.codec(), opts)
    }
  }

  export interface FabricMSPConfig {
    name: string
    rootCerts: Uint8Array<ArrayBuffer>[]
    intermediateCerts: Uint8Array<ArrayBuffer>[]
    admins: Uint8Array<ArrayBuffer>[]
    revocationList: Uint8Array<ArrayBuffer>[]
    signingIdentity?: msp.SigningIdentityInfo
    organizationalUnitIdentifiers: msp.FabricOUIdentifier[]
    cryptoConfig?: msp.FabricCryptoConfig
    tlsRootCerts: Uint8Array<ArrayBuffer>[]
    tlsIntermediateCerts: Uint8Array<ArrayBuffer>[]
    fabricNodeOus?: msp.FabricNodeOUs
  }

  export namespace FabricMSPConfig {
    let _codec: Codec<FabricMSPConfig>

    export const codec = (): Codec<FabricMSPConfig> => {
      if (_codec == null) {
        _codec = message<FabricMSPConfig>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.name != null && obj.name !== '')) {
            w.uint32(10)
            w.string(obj.name)
          }

          if (obj.rootCerts != null && obj.rootCerts.length > 0) {
            for (const value of obj.rootCerts) {
              w.uint32(18)
              w.bytes(value)
            }
          }

          if (obj.intermediateCerts != null && obj.intermediateCerts.length > 0) {
            for (const value of obj.intermediateCerts) {
              w.uint32(26)
              w.bytes(value)
            }
          }

          if (obj.admins != null && obj.admins.length > 0) {
            for (const value of obj.admins) {
              w.uint32(34)
              w.bytes(value)
            }
          }

          if (obj.revocationList != null && obj.revocationList.length > 0) {
            for (const value of obj.revocationList) {
              w.uint32(42)
              w.bytes(value)
            }
          }

          if (obj.signingIdentity != null) {
            w.uint32(50)
            msp.SigningIdentityInfo.codec().encode(obj.signingIdentity, w)
          }

          if (obj.organizationalUnitIdentifiers != null && obj.organizationalUnitIdentifiers.length > 0) {
            for (const value of obj.organizationalUnitIdentifiers) {
              w.uint32(58)
              msp.FabricOUIdentifier.codec().encode(value, w)
            }
          }

          if (obj.cryptoConfig != null) {
            w.uint32(66)
            msp.FabricCryptoConfig.codec().encode(obj.cryptoConfig, w)
          }

          if (obj.tlsRootCerts != null && obj.tlsRootCerts.length > 0) {
            for (const value of obj.tlsRootCerts) {
              w.uint32(74)
              w.bytes(value)
            }
          }

          if (obj.tlsIntermediateCerts != null && obj.tlsIntermediateCerts.length > 0) {
            for (const value of obj.tlsIntermediateCerts) {
              w.uint32(82)
              w.bytes(value)
            }
          }

          if (obj.fabricNodeOus != null) {
            w.uint32(90)
            msp.FabricNodeOUs.codec().encode(obj.fabricNodeOus, w)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            name: '',
            rootCerts: [],
            intermediateCerts: [],
            admins: [],
            revocationList: [],
            organizationalUnitIdentifiers: [],
            tlsRootCerts: [],
            tlsIntermediateCerts: []
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.name = reader.string()
                break
              }
              case 2: {
                if (opts.limits?.rootCerts != null && obj.rootCerts.length === opts.limits.rootCerts) {
                  throw new MaxLengthError('Decode error - repeated field "rootCerts" had too many elements')
                }

                obj.rootCerts.push(reader.bytes())
                break
              }
              case 3: {
                if (opts.limits?.intermediateCerts != null && obj.intermediateCerts.length === opts.limits.intermediateCerts) {
                  throw new MaxLengthError('Decode error - repeated field "intermediateCerts" had too many elements')
                }

                obj.intermediateCerts.push(reader.bytes())
                break
              }
              case 4: {
                if (opts.limits?.admins != null && obj.admins.length === opts.limits.admins) {
                  throw new MaxLengthError('Decode error - repeated field "admins" had too many elements')
                }

                obj.admins.push(reader.bytes())
                break
              }
              case 5: {
                if (opts.limits?.revocationList != null && obj.revocationList.length === opts.limits.revocationList) {
                  throw new MaxLengthError('Decode error - repeated field "revocationList" had too many elements')
                }

                obj.revocationList.push(reader.bytes())
                break
              }
              case 6: {
                obj.signingIdentity = msp.SigningIdentityInfo.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.signingIdentity
                })
                break
              }
              case 7: {
                if (opts.limits?.organizationalUnitIdentifiers != null && obj.organizationalUnitIdentifiers.length === opts.limits.organizationalUnitIdentifiers) {
                  throw new MaxLengthError('Decode error - repeated field "organizationalUnitIdentifiers" had too many elements')
                }

                obj.organizationalUnitIdentifiers.push(msp.FabricOUIdentifier.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.organizationalUnitIdentifiers$
                }))
                break
              }
              case 8: {
                obj.cryptoConfig = msp.FabricCryptoConfig.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.cryptoConfig
                })
                break
              }
              case 9: {
                if (opts.limits?.tlsRootCerts != null && obj.tlsRootCerts.length === opts.limits.tlsRootCerts) {
                  throw new MaxLengthError('Decode error - repeated field "tlsRootCerts" had too many elements')
                }

                obj.tlsRootCerts.push(reader.bytes())
                break
              }
              case 10: {
                if (opts.limits?.tlsIntermediateCerts != null && obj.tlsIntermediateCerts.length === opts.limits.tlsIntermediateCerts) {
                  throw new MaxLengthError('Decode error - repeated field "tlsIntermediateCerts" had too many elements')
                }

                obj.tlsIntermediateCerts.push(reader.bytes())
                break
              }
              case 11: {
                obj.fabricNodeOus = msp.FabricNodeOUs.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.fabricNodeOus
                })
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }

          return obj
        }, function * (reader, length, prefix, opts = {}) {
          const obj = {
            rootCerts: 0,
            intermediateCerts: 0,
            admins: 0,
            revocationList: 0,
            organizationalUnitIdentifiers: 0,
            tlsRootCerts: 0,
            tlsIntermediateCerts: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.name`,
                  value: reader.string()
                }
                break
              }
              case 2: {
                if (opts.limits?.rootCerts != null && obj.rootCerts === opts.limits.rootCerts) {
                  throw new MaxLengthError('Streaming decode error - repeated field "rootCerts" had too many elements')
                }

                yield {
                  field: `${prefix}.rootCerts[]`,
                  index: obj.rootCerts,
                  value: reader.bytes()
                }

                obj.rootCerts++

                break
              }
              case 3: {
                if (opts.limits?.intermediateCerts != null && obj.intermediateCerts === opts.limits.intermediateCerts) {
                  throw new MaxLengthError('Streaming decode error - repeated field "intermediateCerts" had too many elements')
                }

                yield {
                  field: `${prefix}.intermediateCerts[]`,
                  index: obj.intermediateCerts,
                  value: reader.bytes()
                }

                obj.intermediateCerts++

                break
              }
              case 4: {
                if (opts.limits?.admins != null && obj.admins === opts.limits.admins) {
                  throw new MaxLengthError('Streaming decode error - repeated field "admins" had too many elements')
                }

                yield {
                  field: `${prefix}.admins[]`,
                  index: obj.admins,
                  value: reader.bytes()
                }

                obj.admins++

                break
              }
              case 5: {
                if (opts.limits?.revocationList != null && obj.revocationList === opts.limits.revocationList) {
                  throw new MaxLengthError('Streaming decode error - repeated field "revocationList" had too many elements')
                }

                yield {
                  field: `${prefix}.revocationList[]`,
                  index: obj.revocationList,
                  value: reader.bytes()
                }

                obj.revocationList++

                break
              }
              case 6: {
                yield * msp.SigningIdentityInfo.codec().stream(reader, reader.uint32(), `${prefix}.signingIdentity`, {
                  limits: opts.limits?.signingIdentity
                })

                break
              }
              case 7: {
                if (opts.limits?.organizationalUnitIdentifiers != null && obj.organizationalUnitIdentifiers === opts.limits.organizationalUnitIdentifiers) {
                  throw new MaxLengthError('Streaming decode error - repeated field "organizationalUnitIdentifiers" had too many elements')
                }

                for (const evt of msp.FabricOUIdentifier.codec().stream(reader, reader.uint32(), `${prefix}.organizationalUnitIdentifiers[]`, {
                  limits: opts.limits?.organizationalUnitIdentifiers$
                })) {
                  yield {
                    ...evt,
                    index: obj.organizationalUnitIdentifiers
                  }
                }

                obj.organizationalUnitIdentifiers++

                break
              }
              case 8: {
                yield * msp.FabricCryptoConfig.codec().stream(reader, reader.uint32(), `${prefix}.cryptoConfig`, {
                  limits: opts.limits?.cryptoConfig
                })

                break
              }
              case 9: {
                if (opts.limits?.tlsRootCerts != null && obj.tlsRootCerts === opts.limits.tlsRootCerts) {
                  throw new MaxLengthError('Streaming decode error - repeated field "tlsRootCerts" had too many elements')
                }

                yield {
                  field: `${prefix}.tlsRootCerts[]`,
                  index: obj.tlsRootCerts,
                  value: reader.bytes()
                }

                obj.tlsRootCerts++

                break
              }
              case 10: {
                if (opts.limits?.tlsIntermediateCerts != null && obj.tlsIntermediateCerts === opts.limits.tlsIntermediateCerts) {
                  throw new MaxLengthError('Streaming decode error - repeated field "tlsIntermediateCerts" had too many elements')
                }

                yield {
                  field: `${prefix}.tlsIntermediateCerts[]`,
                  index: obj.tlsIntermediateCerts,
                  value: reader.bytes()
                }

                obj.tlsIntermediateCerts++

                break
              }
              case 11: {
                yield * msp.FabricNodeOUs.codec().stream(reader, reader.uint32(), `${prefix}.fabricNodeOus`, {
                  limits: opts.limits?.fabricNodeOus
                })

                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }
        })
      }

      return _codec
    }

    export interface FabricMSPConfigNameFieldEvent {
      field: '$.name'
      value: string
    }

    export interface FabricMSPConfigRootCertsFieldEvent {
      field: '$.rootCerts[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export interface FabricMSPConfigIntermediateCertsFieldEvent {
      field: '$.intermediateCerts[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export interface FabricMSPConfigAdminsFieldEvent {
      field: '$.admins[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export interface FabricMSPConfigRevocationListFieldEvent {
      field: '$.revocationList[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export interface FabricMSPConfigSigningIdentityPublicSignerFieldEvent {
      field: '$.signingIdentity.publicSigner'
      value: Uint8Array<ArrayBuffer>
    }

    export interface FabricMSPConfigSigningIdentityPrivateSignerKeyIdentifierFieldEvent {
      field: '$.signingIdentity.privateSigner.keyIdentifier'
      value: string
    }

    export interface FabricMSPConfigSigningIdentityPrivateSignerKeyMaterialFieldEvent {
      field: '$.signingIdentity.privateSigner.keyMaterial'
      value: Uint8Array<ArrayBuffer>
    }

    export interface FabricMSPConfigOrganizationalUnitIdentifiersCertificateFieldEvent {
      field: '$.organizationalUnitIdentifiers[].certificate'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface FabricMSPConfigOrganizationalUnitIdentifiersOrganizationalUnitIdentifierFieldEvent {
      field: '$.organizationalUnitIdentifiers[].organizationalUnitIdentifier'
      value: string
      index: number
    }

    export interface FabricMSPConfigCryptoConfigSignatureHashFamilyFieldEvent {
      field: '$.cryptoConfig.signatureHashFamily'
      value: string
    }

    export interface FabricMSPConfigCryptoConfigIdentityIdentifierHashFunctionFieldEvent {
      field: '$.cryptoConfig.identityIdentifierHashFunction'
      value: string
    }

    export interface FabricMSPConfigTlsRootCertsFieldEvent {
      field: '$.tlsRootCerts[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export interface FabricMSPConfigTlsIntermediateCertsFieldEvent {
      field: '$.tlsIntermediateCerts[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export interface FabricMSPConfigFabricNodeOusEnableFieldEvent {
      field: '$.fabricNodeOus.enable'
      value: boolean
    }

    export interface FabricMSPConfigFabricNodeOusClientOuIdentifierCertificateFieldEvent {
      field: '$.fabricNodeOus.clientOuIdentifier.certificate'
      value: Uint8Array<ArrayBuffer>
    }

    export interface FabricMSPConfigFabricNodeOusClientOuIdentifierOrganizationalUnitIdentifierFieldEvent {
      field: '$.fabricNodeOus.clientOuIdentifier.organizationalUnitIdentifier'
      value: string
    }

    export interface FabricMSPConfigFabricNodeOusPeerOuIdentifierCertificateFieldEvent {
      field: '$.fabricNodeOus.peerOuIdentifier.certificate'
      value: Uint8Array<ArrayBuffer>
    }

    export interface FabricMSPConfigFabricNodeOusPeerOuIdentifierOrganizationalUnitIdentifierFieldEvent {
      field: '$.fabricNodeOus.peerOuIdentifier.organizationalUnitIdentifier'
      value: string
    }

    export interface FabricMSPConfigFabricNodeOusAdminOuIdentifierCertificateFieldEvent {
      field: '$.fabricNodeOus.adminOuIdentifier.certificate'
      value: Uint8Array<ArrayBuffer>
    }

    export interface FabricMSPConfigFabricNodeOusAdminOuIdentifierOrganizationalUnitIdentifierFieldEvent {
      field: '$.fabricNodeOus.adminOuIdentifier.organizationalUnitIdentifier'
      value: string
    }

    export interface FabricMSPConfigFabricNodeOusOrdererOuIdentifierCertificateFieldEvent {
      field: '$.fabricNodeOus.ordererOuIdentifier.certificate'
      value: Uint8Array<ArrayBuffer>
    }

    export interface FabricMSPConfigFabricNodeOusOrdererOuIdentifierOrganizationalUnitIdentifierFieldEvent {
      field: '$.fabricNodeOus.ordererOuIdentifier.organizationalUnitIdentifier'
      value: string
    }

    export function encode (obj: Partial<FabricMSPConfig>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, FabricMSPConfig.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<FabricMSPConfig>): FabricMSPConfig {
      return decodeMessage(buf, FabricMSPConfig.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<FabricMSPConfig>): Generator<FabricMSPConfigNameFieldEvent | FabricMSPConfigRootCertsFieldEvent | FabricMSPConfigIntermediateCertsFieldEvent | FabricMSPConfigAdminsFieldEvent | FabricMSPConfigRevocationListFieldEvent | FabricMSPConfigSigningIdentityPublicSignerFieldEvent | FabricMSPConfigSigningIdentityPrivateSignerKeyIdentifierFieldEvent | FabricMSPConfigSigningIdentityPrivateSignerKeyMaterialFieldEvent | FabricMSPConfigOrganizationalUnitIdentifiersCertificateFieldEvent | FabricMSPConfigOrganizationalUnitIdentifiersOrganizationalUnitIdentifierFieldEvent | FabricMSPConfigCryptoConfigSignatureHashFamilyFieldEvent | FabricMSPConfigCryptoConfigIdentityIdentifierHashFunctionFieldEvent | FabricMSPConfigTlsRootCertsFieldEvent | FabricMSPConfigTlsIntermediateCertsFieldEvent | FabricMSPConfigFabricNodeOusEnableFieldEvent | FabricMSPConfigFabricNodeOusClientOuIdentifierCertificateFieldEvent | FabricMSPConfigFabricNodeOusClientOuIdentifierOrganizationalUnitIdentifierFieldEvent | FabricMSPConfigFabricNodeOusPeerOuIdentifierCertificateFieldEvent | FabricMSPConfigFabricNodeOusPeerOuIdentifierOrganizationalUnitIdentifierFieldEvent | FabricMSPConfigFabricNodeOusAdminOuIdentifierCertificateFieldEvent | FabricMSPConfigFabricNodeOusAdminOuIdentifierOrganizationalUnitIdentifierFieldEvent | FabricMSPConfigFabricNodeOusOrdererOuIdentifierCertificateFieldEvent | FabricMSPConfigFabricNodeOusOrdererOuIdentifierOrganizationalUnitIdentifierFieldEvent> {
      return streamMessage(buf, FabricMSPConfig.codec(), opts)
    }
  }

  export interface FabricCryptoConfig {
    signatureHashFamily: string
    identityIdentifierHashFunction: string
  }

  export namespace FabricCryptoConfig {
    let _codec: Codec<FabricCryptoConfig>

    export const codec = (): Codec<FabricCryptoConfig> => {
      if (_codec == null) {
        _codec = message<FabricCryptoConfig>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.signatureHashFamily != null && obj.signatureHashFamily !== '')) {
            w.uint32(10)
            w.string(obj.signatureHashFamily)
          }

          if ((obj.identityIdentifierHashFunction != null && obj.identityIdentifierHashFunction !== '')) {
            w.uint32(18)
            w.string(obj.identityIdentifierHashFunction)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            signatureHashFamily: '',
            identityIdentifierHashFunction: ''
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.signatureHashFamily = reader.string()
                break
              }
              case 2: {
                obj.identityIdentifierHashFunction = reader.string()
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }

          return obj
        }, function * (reader, length, prefix, opts = {}) {
          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.signatureHashFamily`,
                  value: reader.string()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.identityIdentifierHashFunction`,
                  value: reader.string()
                }
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }
        })
      }

      return _codec
    }

    export interface FabricCryptoConfigSignatureHashFamilyFieldEvent {
      field: '$.signatureHashFamily'
      value: string
    }

    export interface FabricCryptoConfigIdentityIdentifierHashFunctionFieldEvent {
      field: '$.identityIdentifierHashFunction'
      value: string
    }

    export function encode (obj: Partial<FabricCryptoConfig>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, FabricCryptoConfig.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<FabricCryptoConfig>): FabricCryptoConfig {
      return decodeMessage(buf, FabricCryptoConfig.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<FabricCryptoConfig>): Generator<FabricCryptoConfigSignatureHashFamilyFieldEvent | FabricCryptoConfigIdentityIdentifierHashFunctionFieldEvent> {
      return streamMessage(buf, FabricCryptoConfig.codec(), opts)
    }
  }

  export interface IdemixMSPConfig {
    name: string
    ipk: Uint8Array<ArrayBuffer>
    signer?: msp.IdemixMSPSignerConfig
    revocationPk: Uint8Array<ArrayBuffer>
    epoch: bigint
  }

  export namespace IdemixMSPConfig {
    let _codec: Codec<IdemixMSPConfig>

    export const codec = (): Codec<IdemixMSPConfig> => {
      if (_codec == null) {
        _codec = message<IdemixMSPConfig>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.name != null && obj.name !== '')) {
            w.uint32(10)
            w.string(obj.name)
          }

          if ((obj.ipk != null && obj.ipk.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.ipk)
          }

          if (obj.signer != null) {
            w.uint32(26)
            msp.IdemixMSPSignerConfig.codec().encode(obj.signer, w)
          }

          if ((obj.revocationPk != null && obj.revocationPk.byteLength > 0)) {
            w.uint32(34)
            w.bytes(obj.revocationPk)
          }

          if ((obj.epoch != null && obj.epoch !== 0n)) {
            w.uint32(40)
            w.int64(obj.epoch)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            name: '',
            ipk: uint8ArrayAlloc(0),
            revocationPk: uint8ArrayAlloc(0),
            epoch: 0n
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.name = reader.string()
                break
              }
              case 2: {
                obj.ipk = reader.bytes()
                break
              }
              case 3: {
                obj.signer = msp.IdemixMSPSignerConfig.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.signer
                })
                break
              }
              case 4: {
                obj.revocationPk = reader.bytes()
                break
              }
              case 5: {
                obj.epoch = reader.int64()
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }

          return obj
        }, function * (reader, length, prefix, opts = {}) {
          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.name`,
                  value: reader.string()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.ipk`,
                  value: reader.bytes()
                }
                break
              }
              case 3: {
                yield * msp.IdemixMSPSignerConfig.codec().stream(reader, reader.uint32(), `${prefix}.signer`, {
                  limits: opts.limits?.signer
                })

                break
              }
              case 4: {
                yield {
                  field: `${prefix}.revocationPk`,
                  value: reader.bytes()
                }
                break
              }
              case 5: {
                yield {
                  field: `${prefix}.epoch`,
                  value: reader.int64()
                }
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }
        })
      }

      return _codec
    }

    export interface IdemixMSPConfigNameFieldEvent {
      field: '$.name'
      value: string
    }

    export interface IdemixMSPConfigIpkFieldEvent {
      field: '$.ipk'
      value: Uint8Array<ArrayBuffer>
    }

    export interface IdemixMSPConfigSignerCredFieldEvent {
      field: '$.signer.cred'
      value: Uint8Array<ArrayBuffer>
    }

    export interface IdemixMSPConfigSignerSkFieldEvent {
      field: '$.signer.sk'
      value: Uint8Array<ArrayBuffer>
    }

    export interface IdemixMSPConfigSignerOrganizationalUnitIdentifierFieldEvent {
      field: '$.signer.organizationalUnitIdentifier'
      value: string
    }

    export interface IdemixMSPConfigSignerRoleFieldEvent {
      field: '$.signer.role'
      value: number
    }

    export interface IdemixMSPConfigSignerEnrollmentIdFieldEvent {
      field: '$.signer.enrollmentId'
      value: string
    }

    export interface IdemixMSPConfigSignerCredentialRevocationInformationFieldEvent {
      field: '$.signer.credentialRevocationInformation'
      value: Uint8Array<ArrayBuffer>
    }

    export interface IdemixMSPConfigRevocationPkFieldEvent {
      field: '$.revocationPk'
      value: Uint8Array<ArrayBuffer>
    }

    export interface IdemixMSPConfigEpochFieldEvent {
      field: '$.epoch'
      value: bigint
    }

    export function encode (obj: Partial<IdemixMSPConfig>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, IdemixMSPConfig.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<IdemixMSPConfig>): IdemixMSPConfig {
      return decodeMessage(buf, IdemixMSPConfig.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<IdemixMSPConfig>): Generator<IdemixMSPConfigNameFieldEvent | IdemixMSPConfigIpkFieldEvent | IdemixMSPConfigSignerCredFieldEvent | IdemixMSPConfigSignerSkFieldEvent | IdemixMSPConfigSignerOrganizationalUnitIdentifierFieldEvent | IdemixMSPConfigSignerRoleFieldEvent | IdemixMSPConfigSignerEnrollmentIdFieldEvent | IdemixMSPConfigSignerCredentialRevocationInformationFieldEvent | IdemixMSPConfigRevocationPkFieldEvent | IdemixMSPConfigEpochFieldEvent> {
      return streamMessage(buf, IdemixMSPConfig.codec(), opts)
    }
  }

  export interface IdemixMSPSignerConfig {
    cred: Uint8Array<ArrayBuffer>
    sk: Uint8Array<ArrayBuffer>
    organizationalUnitIdentifier: string
    role: number
    enrollmentId: string
    credentialRevocationInformation: Uint8Array<ArrayBuffer>
  }

  export namespace IdemixMSPSignerConfig {
    let _codec: Codec<IdemixMSPSignerConfig>

    export const codec = (): Codec<IdemixMSPSignerConfig> => {
      if (_codec == null) {
        _codec = message<IdemixMSPSignerConfig>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.cred != null && obj.cred.byteLength > 0)) {
            w.uint32(10)
            w.bytes(obj.cred)
          }

          if ((obj.sk != null && obj.sk.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.sk)
          }

          if ((obj.organizationalUnitIdentifier != null && obj.organizationalUnitIdentifier !== '')) {
            w.uint32(26)
            w.string(obj.organizationalUnitIdentifier)
          }

          if ((obj.role != null && obj.role !== 0)) {
            w.uint32(32)
            w.int32(obj.role)
          }

          if ((obj.enrollmentId != null && obj.enrollmentId !== '')) {
            w.uint32(42)
            w.string(obj.enrollmentId)
          }

          if ((obj.credentialRevocationInformation != null && obj.credentialRevocationInformation.byteLength > 0)) {
            w.uint32(50)
            w.bytes(obj.credentialRevocationInformation)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            cred: uint8ArrayAlloc(0),
            sk: uint8ArrayAlloc(0),
            organizationalUnitIdentifier: '',
            role: 0,
            enrollmentId: '',
            credentialRevocationInformation: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.cred = reader.bytes()
                break
              }
              case 2: {
                obj.sk = reader.bytes()
                break
              }
              case 3: {
                obj.organizationalUnitIdentifier = reader.string()
                break
              }
              case 4: {
                obj.role = reader.int32()
                break
              }
              case 5: {
                obj.enrollmentId = reader.string()
                break
              }
              case 6: {
                obj.credentialRevocationInformation = reader.bytes()
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }

          return obj
        }, function * (reader, length, prefix, opts = {}) {
          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.cred`,
                  value: reader.bytes()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.sk`,
                  value: reader.bytes()
                }
                break
              }
              case 3: {
                yield {
                  field: `${prefix}.organizationalUnitIdentifier`,
                  value: reader.string()
                }
                break
              }
              case 4: {
                yield {
                  field: `${prefix}.role`,
                  value: reader.int32()
                }
                break
              }
              case 5: {
                yield {
                  field: `${prefix}.enrollmentId`,
                  value: reader.string()
                }
                break
              }
              case 6: {
                yield {
                  field: `${prefix}.credentialRevocationInformation`,
                  value: reader.bytes()
                }
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }
        })
      }

      return _codec
    }

    export interface IdemixMSPSignerConfigCredFieldEvent {
      field: '$.cred'
      value: Uint8Array<ArrayBuffer>
    }

    export interface IdemixMSPSignerConfigSkFieldEvent {
      field: '$.sk'
      value: Uint8Array<ArrayBuffer>
    }

    export interface IdemixMSPSignerConfigOrganizationalUnitIdentifierFieldEvent {
      field: '$.organizationalUnitIdentifier'
      value: string
    }

    export interface IdemixMSPSignerConfigRoleFieldEvent {
      field: '$.role'
      value: number
    }

    export interface IdemixMSPSignerConfigEnrollmentIdFieldEvent {
      field: '$.enrollmentId'
      value: string
    }

    export interface IdemixMSPSignerConfigCredentialRevocationInformationFieldEvent {
      field: '$.credentialRevocationInformation'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<IdemixMSPSignerConfig>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, IdemixMSPSignerConfig.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<IdemixMSPSignerConfig>): IdemixMSPSignerConfig {
      return decodeMessage(buf, IdemixMSPSignerConfig.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<IdemixMSPSignerConfig>): Generator<IdemixMSPSignerConfigCredFieldEvent | IdemixMSPSignerConfigSkFieldEvent | IdemixMSPSignerConfigOrganizationalUnitIdentifierFieldEvent | IdemixMSPSignerConfigRoleFieldEvent | IdemixMSPSignerConfigEnrollmentIdFieldEvent | IdemixMSPSignerConfigCredentialRevocationInformationFieldEvent> {
      return streamMessage(buf, IdemixMSPSignerConfig.codec(), opts)
    }
  }

  export interface SigningIdentityInfo {
    publicSigner: Uint8Array<ArrayBuffer>
    privateSigner?: msp.KeyInfo
  }

  export namespace SigningIdentityInfo {
    let _codec: Codec<SigningIdentityInfo>

    export const codec = (): Codec<SigningIdentityInfo> => {
      if (_codec == null) {
        _codec = message<SigningIdentityInfo>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.publicSigner != null && obj.publicSigner.byteLength > 0)) {
            w.uint32(10)
            w.bytes(obj.publicSigner)
          }

          if (obj.privateSigner != null) {
            w.uint32(18)
            msp.KeyInfo.codec().encode(obj.privateSigner, w)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            publicSigner: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.publicSigner = reader.bytes()
                break
              }
              case 2: {
                obj.privateSigner = msp.KeyInfo.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.privateSigner
                })
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }

          return obj
        }, function * (reader, length, prefix, opts = {}) {
          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.publicSigner`,
                  value: reader.bytes()
                }
                break
              }
              case 2: {
                yield * msp.KeyInfo.codec().stream(reader, reader.uint32(), `${prefix}.privateSigner`, {
                  limits: opts.limits?.privateSigner
                })

                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }
        })
      }

      return _codec
    }

    export interface SigningIdentityInfoPublicSignerFieldEvent {
      field: '$.publicSigner'
      value: Uint8Array<ArrayBuffer>
    }

    export interface SigningIdentityInfoPrivateSignerKeyIdentifierFieldEvent {
      field: '$.privateSigner.keyIdentifier'
      value: string
    }

    export interface SigningIdentityInfoPrivateSignerKeyMaterialFieldEvent {
      field: '$.privateSigner.keyMaterial'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<SigningIdentityInfo>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, SigningIdentityInfo.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SigningIdentityInfo>): SigningIdentityInfo {
      return decodeMessage(buf, SigningIdentityInfo.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SigningIdentityInfo>): Generator<SigningIdentityInfoPublicSignerFieldEvent | SigningIdentityInfoPrivateSignerKeyIdentifierFieldEvent | SigningIdentityInfoPrivateSignerKeyMaterialFieldEvent> {
      return streamMessage(buf, SigningIdentityInfo.codec(), opts)
    }
  }

  export interface KeyInfo {
    keyIdentifier: string
    keyMaterial: Uint8Array<ArrayBuffer>
  }

  export namespace KeyInfo {
    let _codec: Codec<KeyInfo>

    export const codec = (): Codec<KeyInfo> => {
      if (_codec == null) {
        _codec = message<KeyInfo>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.keyIdentifier != null && obj.keyIdentifier !== '')) {
            w.uint32(10)
            w.string(obj.keyIdentifier)
          }

          if ((obj.keyMaterial != null && obj.keyMaterial.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.keyMaterial)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            keyIdentifier: '',
            keyMaterial: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.keyIdentifier = reader.string()
                break
              }
              case 2: {
                obj.keyMaterial = reader.bytes()
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }

          return obj
        }, function * (reader, length, prefix, opts = {}) {
          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.keyIdentifier`,
                  value: reader.string()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.keyMaterial`,
                  value: reader.bytes()
                }
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }
        })
      }

      return _codec
    }

    export interface KeyInfoKeyIdentifierFieldEvent {
      field: '$.keyIdentifier'
      value: string
    }

    export interface KeyInfoKeyMaterialFieldEvent {
      field: '$.keyMaterial'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<KeyInfo>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, KeyInfo.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<KeyInfo>): KeyInfo {
      return decodeMessage(buf, KeyInfo.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<KeyInfo>): Generator<KeyInfoKeyIdentifierFieldEvent | KeyInfoKeyMaterialFieldEvent> {
      return streamMessage(buf, KeyInfo.codec(), opts)
    }
  }

  export interface FabricOUIdentifier {
    certificate: Uint8Array<ArrayBuffer>
    organizationalUnitIdentifier: string
  }

  export namespace FabricOUIdentifier {
    let _codec: Codec<FabricOUIdentifier>

    export const codec = (): Codec<FabricOUIdentifier> => {
      if (_codec == null) {
        _codec = message<FabricOUIdentifier>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.certificate != null && obj.certificate.byteLength > 0)) {
            w.uint32(10)
            w.bytes(obj.certificate)
          }

          if ((obj.organizationalUnitIdentifier != null && obj.organizationalUnitIdentifier !== '')) {
            w.uint32(18)
            w.string(obj.organizationalUnitIdentifier)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            certificate: uint8ArrayAlloc(0),
            organizationalUnitIdentifier: ''
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.certificate = reader.bytes()
                break
              }
              case 2: {
                obj.organizationalUnitIdentifier = reader.string()
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }

          return obj
        }, function * (reader, length, prefix, opts = {}) {
          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.certificate`,
                  value: reader.bytes()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.organizationalUnitIdentifier`,
                  value: reader.string()
                }
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }
        })
      }

      return _codec
    }

    export interface FabricOUIdentifierCertificateFieldEvent {
      field: '$.certificate'
      value: Uint8Array<ArrayBuffer>
    }

    export interface FabricOUIdentifierOrganizationalUnitIdentifierFieldEvent {
      field: '$.organizationalUnitIdentifier'
      value: string
    }

    export function encode (obj: Partial<FabricOUIdentifier>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, FabricOUIdentifier.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<FabricOUIdentifier>): FabricOUIdentifier {
      return decodeMessage(buf, FabricOUIdentifier.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<FabricOUIdentifier>): Generator<FabricOUIdentifierCertificateFieldEvent | FabricOUIdentifierOrganizationalUnitIdentifierFieldEvent> {
      return streamMessage(buf, FabricOUIdentifier.codec(), opts)
    }
  }

  export interface FabricNodeOUs {
    enable: boolean
    clientOuIdentifier?: msp.FabricOUIdentifier
    peerOuIdentifier?: msp.FabricOUIdentifier
    adminOuIdentifier?: msp.FabricOUIdentifier
    ordererOuIdentifier?: msp.FabricOUIdentifier
  }

  export namespace FabricNodeOUs {
    let _codec: Codec<FabricNodeOUs>

    export const codec = (): Codec<FabricNodeOUs> => {
      if (_codec == null) {
        _codec = message<FabricNodeOUs>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.enable != null && obj.enable !== false)) {
            w.uint32(8)
            w.bool(obj.enable)
          }

          if (obj.clientOuIdentifier != null) {
            w.uint32(18)
            msp.FabricOUIdentifier.codec().encode(obj.clientOuIdentifier, w)
          }

          if (obj.peerOuIdentifier != null) {
            w.uint32(26)
            msp.FabricOUIdentifier.codec().encode(obj.peerOuIdentifier, w)
          }

          if (obj.adminOuIdentifier != null) {
            w.uint32(34)
            msp.FabricOUIdentifier.codec().encode(obj.adminOuIdentifier, w)
          }

          if (obj.ordererOuIdentifier != null) {
            w.uint32(42)
            msp.FabricOUIdentifier.codec().encode(obj.ordererOuIdentifier, w)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            enable: false
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.enable = reader.bool()
                break
              }
              case 2: {
                obj.clientOuIdentifier = msp.FabricOUIdentifier.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.clientOuIdentifier
                })
                break
              }
              case 3: {
                obj.peerOuIdentifier = msp.FabricOUIdentifier.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.peerOuIdentifier
                })
                break
              }
              case 4: {
                obj.adminOuIdentifier = msp.FabricOUIdentifier.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.adminOuIdentifier
                })
                break
              }
              case 5: {
                obj.ordererOuIdentifier = msp.FabricOUIdentifier.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.ordererOuIdentifier
                })
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }

          return obj
        }, function * (reader, length, prefix, opts = {}) {
          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.enable`,
                  value: reader.bool()
                }
                break
              }
              case 2: {
                yield * msp.FabricOUIdentifier.codec().stream(reader, reader.uint32(), `${prefix}.clientOuIdentifier`, {
                  limits: opts.limits?.clientOuIdentifier
                })

                break
              }
              case 3: {
                yield * msp.FabricOUIdentifier.codec().stream(reader, reader.uint32(), `${prefix}.peerOuIdentifier`, {
                  limits: opts.limits?.peerOuIdentifier
                })

                break
              }
              case 4: {
                yield * msp.FabricOUIdentifier.codec().stream(reader, reader.uint32(), `${prefix}.adminOuIdentifier`, {
                  limits: opts.limits?.adminOuIdentifier
                })

                break
              }
              case 5: {
                yield * msp.FabricOUIdentifier.codec().stream(reader, reader.uint32(), `${prefix}.ordererOuIdentifier`, {
                  limits: opts.limits?.ordererOuIdentifier
                })

                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }
        })
      }

      return _codec
    }

    export interface FabricNodeOUsEnableFieldEvent {
      field: '$.enable'
      value: boolean
    }

    export interface FabricNodeOUsClientOuIdentifierCertificateFieldEvent {
      field: '$.clientOuIdentifier.certificate'
      value: Uint8Array<ArrayBuffer>
    }

    export interface FabricNodeOUsClientOuIdentifierOrganizationalUnitIdentifierFieldEvent {
      field: '$.clientOuIdentifier.organizationalUnitIdentifier'
      value: string
    }

    export interface FabricNodeOUsPeerOuIdentifierCertificateFieldEvent {
      field: '$.peerOuIdentifier.certificate'
      value: Uint8Array<ArrayBuffer>
    }

    export interface FabricNodeOUsPeerOuIdentifierOrganizationalUnitIdentifierFieldEvent {
      field: '$.peerOuIdentifier.organizationalUnitIdentifier'
      value: string
    }

    export interface FabricNodeOUsAdminOuIdentifierCertificateFieldEvent {
      field: '$.adminOuIdentifier.certificate'
      value: Uint8Array<ArrayBuffer>
    }

    export interface FabricNodeOUsAdminOuIdentifierOrganizationalUnitIdentifierFieldEvent {
      field: '$.adminOuIdentifier.organizationalUnitIdentifier'
      value: string
    }

    export interface FabricNodeOUsOrdererOuIdentifierCertificateFieldEvent {
      field: '$.ordererOuIdentifier.certificate'
      value: Uint8Array<ArrayBuffer>
    }

    export interface FabricNodeOUsOrdererOuIdentifierOrganizationalUnitIdentifierFieldEvent {
      field: '$.ordererOuIdentifier.organizationalUnitIdentifier'
      value: string
    }

    export function encode (obj: Partial<FabricNodeOUs>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, FabricNodeOUs.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<FabricNodeOUs>): FabricNodeOUs {
      return decodeMessage(buf, FabricNodeOUs.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<FabricNodeOUs>): Generator<FabricNodeOUsEnableFieldEvent | FabricNodeOUsClientOuIdentifierCertificateFieldEvent | FabricNodeOUsClientOuIdentifierOrganizationalUnitIdentifierFieldEvent | FabricNodeOUsPeerOuIdentifierCertificateFieldEvent | FabricNodeOUsPeerOuIdentifierOrganizationalUnitIdentifierFieldEvent | FabricNodeOUsAdminOuIdentifierCertificateFieldEvent | FabricNodeOUsAdminOuIdentifierOrganizationalUnitIdentifierFieldEvent | FabricNodeOUsOrdererOuIdentifierCertificateFieldEvent | FabricNodeOUsOrdererOuIdentifierOrganizationalUnitIdentifierFieldEvent> {
      return streamMessage(buf, FabricNodeOUs.codec(), opts)
    }
  }

  let _codec: Codec<msp>

  export const codec = (): Codec<msp> => {
    if (_codec == null) {
      _codec = message<msp>((obj, w, opts = {}) => {
        if (opts.lengthDelimited !== false) {
          w.fork()
        }

        if (opts.lengthDelimited !== false) {
          w.ldelim()
        }
      }, (reader, length, opts = {}) => {
        const obj: any = {}

        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }

        return obj
      }, function * (reader, length, prefix, opts = {}) {
        const end = length == null ? reader.len : reader.pos + length

        while (reader.pos < end) {
          const tag = reader.uint32()

          switch (tag >>> 3) {
            default: {
              reader.skipType(tag & 7)
              break
            }
          }
        }
      })
    }

    return _codec
  }

  export function encode (obj: Partial<msp>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, msp.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<msp>): msp {
    return decodeMessage(buf, msp.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<msp>): Generator<{}> {
    return streamMessage(buf, msp.codec(), opts)
  }
}
