/* eslint-disable require-yield */

import { decodeMessage, encodeMessage, enumeration, MaxLengthError, MaxSizeError, message, streamMessage } from 'protons-runtime'
import { alloc as uint8ArrayAlloc } from 'uint8arrays/alloc'
import type { Codec, DecodeOptions } from 'protons-runtime'
import type { Uint8ArrayList } from 'uint8arraylist'

export interface common {}

export namespace common {
  export enum Status {
    UNKNOWN = 'UNKNOWN',
    SUCCESS = 'SUCCESS',
    BAD_REQUEST = 'BAD_REQUEST',
    FORBIDDEN = 'FORBIDDEN',
    NOT_FOUND = 'NOT_FOUND',
    REQUEST_ENTITY_TOO_LARGE = 'REQUEST_ENTITY_TOO_LARGE',
    INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
    NOT_IMPLEMENTED = 'NOT_IMPLEMENTED',
    SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE'
  }

  enum __StatusValues {
    UNKNOWN = 0,
    SUCCESS = 200,
    BAD_REQUEST = 400,
    FORBIDDEN = 403,
    NOT_FOUND = 404,
    REQUEST_ENTITY_TOO_LARGE = 413,
    INTERNAL_SERVER_ERROR = 500,
    NOT_IMPLEMENTED = 501,
    SERVICE_UNAVAILABLE = 503
  }

  export namespace Status {
    export const codec = (): Codec<Status> => {
      return enumeration<Status>(__StatusValues)
    }
  }

  export enum HeaderType {
    MESSAGE = 'MESSAGE',
    CONFIG = 'CONFIG',
    CONFIG_UPDATE = 'CONFIG_UPDATE',
    ENDORSER_TRANSACTION = 'ENDORSER_TRANSACTION',
    ORDERER_TRANSACTION = 'ORDERER_TRANSACTION',
    DELIVER_SEEK_INFO = 'DELIVER_SEEK_INFO',
    CHAINCODE_PACKAGE = 'CHAINCODE_PACKAGE'
  }

  enum __HeaderTypeValues {
    MESSAGE = 0,
    CONFIG = 1,
    CONFIG_UPDATE = 2,
    ENDORSER_TRANSACTION = 3,
    ORDERER_TRANSACTION = 4,
    DELIVER_SEEK_INFO = 5,
    CHAINCODE_PACKAGE = 6
  }

  export namespace HeaderType {
    export const codec = (): Codec<HeaderType> => {
      return enumeration<HeaderType>(__HeaderTypeValues)
    }
  }

  export enum BlockMetadataIndex {
    SIGNATURES = 'SIGNATURES',
    LAST_CONFIG = 'LAST_CONFIG',
    TRANSACTIONS_FILTER = 'TRANSACTIONS_FILTER',
    ORDERER = 'ORDERER',
    COMMIT_HASH = 'COMMIT_HASH'
  }

  enum __BlockMetadataIndexValues {
    SIGNATURES = 0,
    LAST_CONFIG = 1,
    TRANSACTIONS_FILTER = 2,
    ORDERER = 3,
    COMMIT_HASH = 4
  }

  export namespace BlockMetadataIndex {
    export const codec = (): Codec<BlockMetadataIndex> => {
      return enumeration<BlockMetadataIndex>(__BlockMetadataIndexValues)
    }
  }

  export interface LastConfig {
    index: bigint
  }

  export namespace LastConfig {
    let _codec: Codec<LastConfig>

    export const codec = (): Codec<LastConfig> => {
      if (_codec == null) {
        _codec = message<LastConfig>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.index != null && obj.index !== 0n)) {
            w.uint32(8)
            w.uint64(obj.index)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            index: 0n
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.index = reader.uint64()
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
                  field: `${prefix}.index`,
                  value: reader.uint64()
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

    export interface LastConfigIndexFieldEvent {
      field: '$.index'
      value: bigint
    }

    export function encode (obj: Partial<LastConfig>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, LastConfig.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<LastConfig>): LastConfig {
      return decodeMessage(buf, LastConfig.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<LastConfig>): Generator<LastConfigIndexFieldEvent> {
      return streamMessage(buf, LastConfig.codec(), opts)
    }
  }

  export interface Metadata {
    value: Uint8Array<ArrayBuffer>
    signatures: common.MetadataSignature[]
  }

  export namespace Metadata {
    let _codec: Codec<Metadata>

    export const codec = (): Codec<Metadata> => {
      if (_codec == null) {
        _codec = message<Metadata>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.value != null && obj.value.byteLength > 0)) {
            w.uint32(10)
            w.bytes(obj.value)
          }

          if (obj.signatures != null && obj.signatures.length > 0) {
            for (const value of obj.signatures) {
              w.uint32(18)
              common.MetadataSignature.codec().encode(value, w)
            }
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            value: uint8ArrayAlloc(0),
            signatures: []
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.value = reader.bytes()
                break
              }
              case 2: {
                if (opts.limits?.signatures != null && obj.signatures.length === opts.limits.signatures) {
                  throw new MaxLengthError('Decode error - repeated field "signatures" had too many elements')
                }

                obj.signatures.push(common.MetadataSignature.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.signatures$
                }))
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
            signatures: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.value`,
                  value: reader.bytes()
                }
                break
              }
              case 2: {
                if (opts.limits?.signatures != null && obj.signatures === opts.limits.signatures) {
                  throw new MaxLengthError('Streaming decode error - repeated field "signatures" had too many elements')
                }

                for (const evt of common.MetadataSignature.codec().stream(reader, reader.uint32(), `${prefix}.signatures[]`, {
                  limits: opts.limits?.signatures$
                })) {
                  yield {
                    ...evt,
                    index: obj.signatures
                  }
                }

                obj.signatures++

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

    export interface MetadataValueFieldEvent {
      field: '$.value'
      value: Uint8Array<ArrayBuffer>
    }

    export interface MetadataSignaturesSignatureHeaderFieldEvent {
      field: '$.signatures[].signatureHeader'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface MetadataSignaturesSignatureFieldEvent {
      field: '$.signatures[].signature'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface MetadataSignaturesIdentifierHeaderFieldEvent {
      field: '$.signatures[].identifierHeader'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export function encode (obj: Partial<Metadata>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, Metadata.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Metadata>): Metadata {
      return decodeMessage(buf, Metadata.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Metadata>): Generator<MetadataValueFieldEvent | MetadataSignaturesSignatureHeaderFieldEvent | MetadataSignaturesSignatureFieldEvent | MetadataSignaturesIdentifierHeaderFieldEvent> {
      return streamMessage(buf, Metadata.codec(), opts)
    }
  }

  export interface MetadataSignature {
    signatureHeader: Uint8Array<ArrayBuffer>
    signature: Uint8Array<ArrayBuffer>
    identifierHeader: Uint8Array<ArrayBuffer>
  }

  export namespace MetadataSignature {
    let _codec: Codec<MetadataSignature>

    export const codec = (): Codec<MetadataSignature> => {
      if (_codec == null) {
        _codec = message<MetadataSignature>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.signatureHeader != null && obj.signatureHeader.byteLength > 0)) {
            w.uint32(10)
            w.bytes(obj.signatureHeader)
          }

          if ((obj.signature != null && obj.signature.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.signature)
          }

          if ((obj.identifierHeader != null && obj.identifierHeader.byteLength > 0)) {
            w.uint32(26)
            w.bytes(obj.identifierHeader)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            signatureHeader: uint8ArrayAlloc(0),
            signature: uint8ArrayAlloc(0),
            identifierHeader: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.signatureHeader = reader.bytes()
                break
              }
              case 2: {
                obj.signature = reader.bytes()
                break
              }
              case 3: {
                obj.identifierHeader = reader.bytes()
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
                  field: `${prefix}.signatureHeader`,
                  value: reader.bytes()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.signature`,
                  value: reader.bytes()
                }
                break
              }
              case 3: {
                yield {
                  field: `${prefix}.identifierHeader`,
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

    export interface MetadataSignatureSignatureHeaderFieldEvent {
      field: '$.signatureHeader'
      value: Uint8Array<ArrayBuffer>
    }

    export interface MetadataSignatureSignatureFieldEvent {
      field: '$.signature'
      value: Uint8Array<ArrayBuffer>
    }

    export interface MetadataSignatureIdentifierHeaderFieldEvent {
      field: '$.identifierHeader'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<MetadataSignature>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, MetadataSignature.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MetadataSignature>): MetadataSignature {
      return decodeMessage(buf, MetadataSignature.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MetadataSignature>): Generator<MetadataSignatureSignatureHeaderFieldEvent | MetadataSignatureSignatureFieldEvent | MetadataSignatureIdentifierHeaderFieldEvent> {
      return streamMessage(buf, MetadataSignature.codec(), opts)
    }
  }

  export interface IdentifierHeader {
    identifier: number
    nonce: Uint8Array<ArrayBuffer>
  }

  export namespace IdentifierHeader {
    let _codec: Codec<IdentifierHeader>

    export const codec = (): Codec<IdentifierHeader> => {
      if (_codec == null) {
        _codec = message<IdentifierHeader>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.identifier != null && obj.identifier !== 0)) {
            w.uint32(8)
            w.uint32(obj.identifier)
          }

          if ((obj.nonce != null && obj.nonce.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.nonce)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            identifier: 0,
            nonce: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.identifier = reader.uint32()
                break
              }
              case 2: {
                obj.nonce = reader.bytes()
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
                  field: `${prefix}.identifier`,
                  value: reader.uint32()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.nonce`,
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

    export interface IdentifierHeaderIdentifierFieldEvent {
      field: '$.identifier'
      value: number
    }

    export interface IdentifierHeaderNonceFieldEvent {
      field: '$.nonce'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<IdentifierHeader>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, IdentifierHeader.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<IdentifierHeader>): IdentifierHeader {
      return decodeMessage(buf, IdentifierHeader.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<IdentifierHeader>): Generator<IdentifierHeaderIdentifierFieldEvent | IdentifierHeaderNonceFieldEvent> {
      return streamMessage(buf, IdentifierHeader.codec(), opts)
    }
  }

  export interface Header {
    channelHeader: Uint8Array<ArrayBuffer>
    signatureHeader: Uint8Array<ArrayBuffer>
  }

  export namespace Header {
    let _codec: Codec<Header>

    export const codec = (): Codec<Header> => {
      if (_codec == null) {
        _codec = message<Header>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.channelHeader != null && obj.channelHeader.byteLength > 0)) {
            w.uint32(10)
            w.bytes(obj.channelHeader)
          }

          if ((obj.signatureHeader != null && obj.signatureHeader.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.signatureHeader)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            channelHeader: uint8ArrayAlloc(0),
            signatureHeader: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.channelHeader = reader.bytes()
                break
              }
              case 2: {
                obj.signatureHeader = reader.bytes()
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
                  field: `${prefix}.channelHeader`,
                  value: reader.bytes()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.signatureHeader`,
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

    export interface HeaderChannelHeaderFieldEvent {
      field: '$.channelHeader'
      value: Uint8Array<ArrayBuffer>
    }

    export interface HeaderSignatureHeaderFieldEvent {
      field: '$.signatureHeader'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<Header>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, Header.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Header>): Header {
      return decodeMessage(buf, Header.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Header>): Generator<HeaderChannelHeaderFieldEvent | HeaderSignatureHeaderFieldEvent> {
      return streamMessage(buf, Header.codec(), opts)
    }
  }

  export interface Timestamp {
    seconds: bigint
    nanos: number
  }

  export namespace Timestamp {
    let _codec: Codec<Timestamp>

    export const codec = (): Codec<Timestamp> => {
      if (_codec == null) {
        _codec = message<Timestamp>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.seconds != null && obj.seconds !== 0n)) {
            w.uint32(8)
            w.int64(obj.seconds)
          }

          if ((obj.nanos != null && obj.nanos !== 0)) {
            w.uint32(16)
            w.int32(obj.nanos)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            seconds: 0n,
            nanos: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.seconds = reader.int64()
                break
              }
              case 2: {
                obj.nanos = reader.int32()
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
                  field: `${prefix}.seconds`,
                  value: reader.int64()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.nanos`,
                  value: reader.int32()
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

    export interface TimestampSecondsFieldEvent {
      field: '$.seconds'
      value: bigint
    }

    export interface TimestampNanosFieldEvent {
      field: '$.nanos'
      value: number
    }

    export function encode (obj: Partial<Timestamp>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, Timestamp.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Timestamp>): Timestamp {
      return decodeMessage(buf, Timestamp.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Timestamp>): Generator<TimestampSecondsFieldEvent | TimestampNanosFieldEvent> {
      return streamMessage(buf, Timestamp.codec(), opts)
    }
  }

  export interface ChannelHeader {
    type: number
    version: number
    timestamp?: common.Timestamp
    channelId: string
    txId: string
    epoch: bigint
    extension: Uint8Array<ArrayBuffer>
    tlsCertHash: Uint8Array<ArrayBuffer>
  }

  export namespace ChannelHeader {
    let _codec: Codec<ChannelHeader>

    export const codec = (): Codec<ChannelHeader> => {
      if (_codec == null) {
        _codec = message<ChannelHeader>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.type != null && obj.type !== 0)) {
            w.uint32(8)
            w.int32(obj.type)
          }

          if ((obj.version != null && obj.version !== 0)) {
            w.uint32(16)
            w.int32(obj.version)
          }

          if (obj.timestamp != null) {
            w.uint32(26)
            common.Timestamp.codec().encode(obj.timestamp, w)
          }

          if ((obj.channelId != null && obj.channelId !== '')) {
            w.uint32(34)
            w.string(obj.channelId)
          }

          if ((obj.txId != null && obj.txId !== '')) {
            w.uint32(42)
            w.string(obj.txId)
          }

          if ((obj.epoch != null && obj.epoch !== 0n)) {
            w.uint32(48)
            w.uint64(obj.epoch)
          }

          if ((obj.extension != null && obj.extension.byteLength > 0)) {
            w.uint32(58)
            w.bytes(obj.extension)
          }

          if ((obj.tlsCertHash != null && obj.tlsCertHash.byteLength > 0)) {
            w.uint32(66)
            w.bytes(obj.tlsCertHash)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            type: 0,
            version: 0,
            channelId: '',
            txId: '',
            epoch: 0n,
            extension: uint8ArrayAlloc(0),
            tlsCertHash: uint8ArrayAlloc(0)
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
                obj.version = reader.int32()
                break
              }
              case 3: {
                obj.timestamp = common.Timestamp.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.timestamp
                })
                break
              }
              case 4: {
                obj.channelId = reader.string()
                break
              }
              case 5: {
                obj.txId = reader.string()
                break
              }
              case 6: {
                obj.epoch = reader.uint64()
                break
              }
              case 7: {
                obj.extension = reader.bytes()
                break
              }
              case 8: {
                obj.tlsCertHash = reader.bytes()
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
                  field: `${prefix}.version`,
                  value: reader.int32()
                }
                break
              }
              case 3: {
                yield * common.Timestamp.codec().stream(reader, reader.uint32(), `${prefix}.timestamp`, {
                  limits: opts.limits?.timestamp
                })

                break
              }
              case 4: {
                yield {
                  field: `${prefix}.channelId`,
                  value: reader.string()
                }
                break
              }
              case 5: {
                yield {
                  field: `${prefix}.txId`,
                  value: reader.string()
                }
                break
              }
              case 6: {
                yield {
                  field: `${prefix}.epoch`,
                  value: reader.uint64()
                }
                break
              }
              case 7: {
                yield {
                  field: `${prefix}.extension`,
                  value: reader.bytes()
                }
                break
              }
              case 8: {
                yield {
                  field: `${prefix}.tlsCertHash`,
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

    export interface ChannelHeaderTypeFieldEvent {
      field: '$.type'
      value: number
    }

    export interface ChannelHeaderVersionFieldEvent {
      field: '$.version'
      value: number
    }

    export interface ChannelHeaderTimestampSecondsFieldEvent {
      field: '$.timestamp.seconds'
      value: bigint
    }

    export interface ChannelHeaderTimestampNanosFieldEvent {
      field: '$.timestamp.nanos'
      value: number
    }

    export interface ChannelHeaderChannelIdFieldEvent {
      field: '$.channelId'
      value: string
    }

    export interface ChannelHeaderTxIdFieldEvent {
      field: '$.txId'
      value: string
    }

    export interface ChannelHeaderEpochFieldEvent {
      field: '$.epoch'
      value: bigint
    }

    export interface ChannelHeaderExtensionFieldEvent {
      field: '$.extension'
      value: Uint8Array<ArrayBuffer>
    }

    export interface ChannelHeaderTlsCertHashFieldEvent {
      field: '$.tlsCertHash'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<ChannelHeader>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, ChannelHeader.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ChannelHeader>): ChannelHeader {
      return decodeMessage(buf, ChannelHeader.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ChannelHeader>): Generator<ChannelHeaderTypeFieldEvent | ChannelHeaderVersionFieldEvent | ChannelHeaderTimestampSecondsFieldEvent | ChannelHeaderTimestampNanosFieldEvent | ChannelHeaderChannelIdFieldEvent | ChannelHeaderTxIdFieldEvent | ChannelHeaderEpochFieldEvent | ChannelHeaderExtensionFieldEvent | ChannelHeaderTlsCertHashFieldEvent> {
      return streamMessage(buf, ChannelHeader.codec(), opts)
    }
  }

  export interface SignatureHeader {
    creator: Uint8Array<ArrayBuffer>
    nonce: Uint8Array<ArrayBuffer>
  }

  export namespace SignatureHeader {
    let _codec: Codec<SignatureHeader>

    export const codec = (): Codec<SignatureHeader> => {
      if (_codec == null) {
        _codec = message<SignatureHeader>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.creator != null && obj.creator.byteLength > 0)) {
            w.uint32(10)
            w.bytes(obj.creator)
          }

          if ((obj.nonce != null && obj.nonce.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.nonce)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            creator: uint8ArrayAlloc(0),
            nonce: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.creator = reader.bytes()
                break
              }
              case 2: {
                obj.nonce = reader.bytes()
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
                  field: `${prefix}.creator`,
                  value: reader.bytes()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.nonce`,
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

    export interface SignatureHeaderCreatorFieldEvent {
      field: '$.creator'
      value: Uint8Array<ArrayBuffer>
    }

    export interface SignatureHeaderNonceFieldEvent {
      field: '$.nonce'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<SignatureHeader>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, SignatureHeader.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SignatureHeader>): SignatureHeader {
      return decodeMessage(buf, SignatureHeader.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SignatureHeader>): Generator<SignatureHeaderCreatorFieldEvent | SignatureHeaderNonceFieldEvent> {
      return streamMessage(buf, SignatureHeader.codec(), opts)
    }
  }

  export interface Payload {
    header?: common.Header
    data: Uint8Array<ArrayBuffer>
  }

  export namespace Payload {
    let _codec: Codec<Payload>

    export const codec = (): Codec<Payload> => {
      if (_codec == null) {
        _codec = message<Payload>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.header != null) {
            w.uint32(10)
            common.Header.codec().encode(obj.header, w)
          }

          if ((obj.data != null && obj.data.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.data)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            data: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.header = common.Header.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.header
                })
                break
              }
              case 2: {
                obj.data = reader.bytes()
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
                yield * common.Header.codec().stream(reader, reader.uint32(), `${prefix}.header`, {
                  limits: opts.limits?.header
                })

                break
              }
              case 2: {
                yield {
                  field: `${prefix}.data`,
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

    export interface PayloadHeaderChannelHeaderFieldEvent {
      field: '$.header.channelHeader'
      value: Uint8Array<ArrayBuffer>
    }

    export interface PayloadHeaderSignatureHeaderFieldEvent {
      field: '$.header.signatureHeader'
      value: Uint8Array<ArrayBuffer>
    }

    export interface PayloadDataFieldEvent {
      field: '$.data'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<Payload>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, Payload.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Payload>): Payload {
      return decodeMessage(buf, Payload.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Payload>): Generator<PayloadHeaderChannelHeaderFieldEvent | PayloadHeaderSignatureHeaderFieldEvent | PayloadDataFieldEvent> {
      return streamMessage(buf, Payload.codec(), opts)
    }
  }

  export interface Envelope {
    payload: Uint8Array<ArrayBuffer>
    signature: Uint8Array<ArrayBuffer>
  }

  export namespace Envelope {
    let _codec: Codec<Envelope>

    export const codec = (): Codec<Envelope> => {
      if (_codec == null) {
        _codec = message<Envelope>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.payload != null && obj.payload.byteLength > 0)) {
            w.uint32(10)
            w.bytes(obj.payload)
          }

          if ((obj.signature != null && obj.signature.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.signature)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            payload: uint8ArrayAlloc(0),
            signature: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.payload = reader.bytes()
                break
              }
              case 2: {
                obj.signature = reader.bytes()
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
                  field: `${prefix}.payload`,
                  value: reader.bytes()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.signature`,
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

    export interface EnvelopePayloadFieldEvent {
      field: '$.payload'
      value: Uint8Array<ArrayBuffer>
    }

    export interface EnvelopeSignatureFieldEvent {
      field: '$.signature'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<Envelope>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, Envelope.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Envelope>): Envelope {
      return decodeMessage(buf, Envelope.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Envelope>): Generator<EnvelopePayloadFieldEvent | EnvelopeSignatureFieldEvent> {
      return streamMessage(buf, Envelope.codec(), opts)
    }
  }

  export interface Block {
    header?: common.BlockHeader
    data?: common.BlockData
    metadata?: common.BlockMetadata
  }

  export namespace Block {
    let _codec: Codec<Block>

    export const codec = (): Codec<Block> => {
      if (_codec == null) {
        _codec = message<Block>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.header != null) {
            w.uint32(10)
            common.BlockHeader.codec().encode(obj.header, w)
          }

          if (obj.data != null) {
            w.uint32(18)
            common.BlockData.codec().encode(obj.data, w)
          }

          if (obj.metadata != null) {
            w.uint32(26)
            common.BlockMetadata.codec().encode(obj.metadata, w)
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
              case 1: {
                obj.header = common.BlockHeader.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.header
                })
                break
              }
              case 2: {
                obj.data = common.BlockData.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.data
                })
                break
              }
              case 3: {
                obj.metadata = common.BlockMetadata.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.metadata
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
                yield * common.BlockHeader.codec().stream(reader, reader.uint32(), `${prefix}.header`, {
                  limits: opts.limits?.header
                })

                break
              }
              case 2: {
                yield * common.BlockData.codec().stream(reader, reader.uint32(), `${prefix}.data`, {
                  limits: opts.limits?.data
                })

                break
              }
              case 3: {
                yield * common.BlockMetadata.codec().stream(reader, reader.uint32(), `${prefix}.metadata`, {
                  limits: opts.limits?.metadata
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

    export interface BlockHeaderNumberFieldEvent {
      field: '$.header.number'
      value: bigint
    }

    export interface BlockHeaderPreviousHashFieldEvent {
      field: '$.header.previousHash'
      value: Uint8Array<ArrayBuffer>
    }

    export interface BlockHeaderDataHashFieldEvent {
      field: '$.header.dataHash'
      value: Uint8Array<ArrayBuffer>
    }

    export interface BlockDataDataFieldEvent {
      field: '$.data.data[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export interface BlockMetadataMetadataFieldEvent {
      field: '$.metadata.metadata[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<Block>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, Block.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Block>): Block {
      return decodeMessage(buf, Block.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Block>): Generator<BlockHeaderNumberFieldEvent | BlockHeaderPreviousHashFieldEvent | BlockHeaderDataHashFieldEvent | BlockDataDataFieldEvent | BlockMetadataMetadataFieldEvent> {
      return streamMessage(buf, Block.codec(), opts)
    }
  }

  export interface BlockHeader {
    number: bigint
    previousHash: Uint8Array<ArrayBuffer>
    dataHash: Uint8Array<ArrayBuffer>
  }

  export namespace BlockHeader {
    let _codec: Codec<BlockHeader>

    export const codec = (): Codec<BlockHeader> => {
      if (_codec == null) {
        _codec = message<BlockHeader>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.number != null && obj.number !== 0n)) {
            w.uint32(8)
            w.uint64(obj.number)
          }

          if ((obj.previousHash != null && obj.previousHash.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.previousHash)
          }

          if ((obj.dataHash != null && obj.dataHash.byteLength > 0)) {
            w.uint32(26)
            w.bytes(obj.dataHash)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            number: 0n,
            previousHash: uint8ArrayAlloc(0),
            dataHash: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.number = reader.uint64()
                break
              }
              case 2: {
                obj.previousHash = reader.bytes()
                break
              }
              case 3: {
                obj.dataHash = reader.bytes()
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
                  field: `${prefix}.number`,
                  value: reader.uint64()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.previousHash`,
                  value: reader.bytes()
                }
                break
              }
              case 3: {
                yield {
                  field: `${prefix}.dataHash`,
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

    export interface BlockHeaderNumberFieldEvent {
      field: '$.number'
      value: bigint
    }

    export interface BlockHeaderPreviousHashFieldEvent {
      field: '$.previousHash'
      value: Uint8Array<ArrayBuffer>
    }

    export interface BlockHeaderDataHashFieldEvent {
      field: '$.dataHash'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<BlockHeader>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, BlockHeader.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BlockHeader>): BlockHeader {
      return decodeMessage(buf, BlockHeader.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BlockHeader>): Generator<BlockHeaderNumberFieldEvent | BlockHeaderPreviousHashFieldEvent | BlockHeaderDataHashFieldEvent> {
      return streamMessage(buf, BlockHeader.codec(), opts)
    }
  }

  export interface BlockData {
    data: Uint8Array<ArrayBuffer>[]
  }

  export namespace BlockData {
    let _codec: Codec<BlockData>

    export const codec = (): Codec<BlockData> => {
      if (_codec == null) {
        _codec = message<BlockData>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.data != null && obj.data.length > 0) {
            for (const value of obj.data) {
              w.uint32(10)
              w.bytes(value)
            }
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            data: []
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                if (opts.limits?.data != null && obj.data.length === opts.limits.data) {
                  throw new MaxLengthError('Decode error - repeated field "data" had too many elements')
                }

                obj.data.push(reader.bytes())
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
            data: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                if (opts.limits?.data != null && obj.data === opts.limits.data) {
                  throw new MaxLengthError('Streaming decode error - repeated field "data" had too many elements')
                }

                yield {
                  field: `${prefix}.data[]`,
                  index: obj.data,
                  value: reader.bytes()
                }

                obj.data++

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

    export interface BlockDataDataFieldEvent {
      field: '$.data[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<BlockData>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, BlockData.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BlockData>): BlockData {
      return decodeMessage(buf, BlockData.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BlockData>): Generator<BlockDataDataFieldEvent> {
      return streamMessage(buf, BlockData.codec(), opts)
    }
  }

  export interface BlockMetadata {
    metadata: Uint8Array<ArrayBuffer>[]
  }

  export namespace BlockMetadata {
    let _codec: Codec<BlockMetadata>

    export const codec = (): Codec<BlockMetadata> => {
      if (_codec == null) {
        _codec = message<BlockMetadata>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.metadata != null && obj.metadata.length > 0) {
            for (const value of obj.metadata) {
              w.uint32(10)
              w.bytes(value)
            }
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            metadata: []
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                if (opts.limits?.metadata != null && obj.metadata.length === opts.limits.metadata) {
                  throw new MaxLengthError('Decode error - repeated field "metadata" had too many elements')
                }

                obj.metadata.push(reader.bytes())
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
            metadata: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                if (opts.limits?.metadata != null && obj.metadata === opts.limits.metadata) {
                  throw new MaxLengthError('Streaming decode error - repeated field "metadata" had too many elements')
                }

                yield {
                  field: `${prefix}.metadata[]`,
                  index: obj.metadata,
                  value: reader.bytes()
                }

                obj.metadata++

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

    export interface BlockMetadataMetadataFieldEvent {
      field: '$.metadata[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<BlockMetadata>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, BlockMetadata.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BlockMetadata>): BlockMetadata {
      return decodeMessage(buf, BlockMetadata.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BlockMetadata>): Generator<BlockMetadataMetadataFieldEvent> {
      return streamMessage(buf, BlockMetadata.codec(), opts)
    }
  }

  export interface OrdererBlockMetadata {
    lastConfig?: common.LastConfig
    consenterMetadata: Uint8Array<ArrayBuffer>
  }

  export namespace OrdererBlockMetadata {
    let _codec: Codec<OrdererBlockMetadata>

    export const codec = (): Codec<OrdererBlockMetadata> => {
      if (_codec == null) {
        _codec = message<OrdererBlockMetadata>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.lastConfig != null) {
            w.uint32(10)
            common.LastConfig.codec().encode(obj.lastConfig, w)
          }

          if ((obj.consenterMetadata != null && obj.consenterMetadata.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.consenterMetadata)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            consenterMetadata: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.lastConfig = common.LastConfig.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.lastConfig
                })
                break
              }
              case 2: {
                obj.consenterMetadata = reader.bytes()
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
                yield * common.LastConfig.codec().stream(reader, reader.uint32(), `${prefix}.lastConfig`, {
                  limits: opts.limits?.lastConfig
                })

                break
              }
              case 2: {
                yield {
                  field: `${prefix}.consenterMetadata`,
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

    export interface OrdererBlockMetadataLastConfigIndexFieldEvent {
      field: '$.lastConfig.index'
      value: bigint
    }

    export interface OrdererBlockMetadataConsenterMetadataFieldEvent {
      field: '$.consenterMetadata'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<OrdererBlockMetadata>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, OrdererBlockMetadata.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<OrdererBlockMetadata>): OrdererBlockMetadata {
      return decodeMessage(buf, OrdererBlockMetadata.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<OrdererBlockMetadata>): Generator<OrdererBlockMetadataLastConfigIndexFieldEvent | OrdererBlockMetadataConsenterMetadataFieldEvent> {
      return streamMessage(buf, OrdererBlockMetadata.codec(), opts)
    }
  }

  export interface ConfigEnvelope {
    config?: common.Config
    lastUpdate?: common.Envelope
  }

  export namespace ConfigEnvelope {
    let _codec: Codec<ConfigEnvelope>

    export const codec = (): Codec<ConfigEnvelope> => {
      if (_codec == null) {
        _codec = message<ConfigEnvelope>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.config != null) {
            w.uint32(10)
            common.Config.codec().encode(obj.config, w)
          }

          if (obj.lastUpdate != null) {
            w.uint32(18)
            common.Envelope.codec().encode(obj.lastUpdate, w)
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
              case 1: {
                obj.config = common.Config.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.config
                })
                break
              }
              case 2: {
                obj.lastUpdate = common.Envelope.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.lastUpdate
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
                yield * common.Config.codec().stream(reader, reader.uint32(), `${prefix}.config`, {
                  limits: opts.limits?.config
                })

                break
              }
              case 2: {
                yield * common.Envelope.codec().stream(reader, reader.uint32(), `${prefix}.lastUpdate`, {
                  limits: opts.limits?.lastUpdate
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

    export interface ConfigEnvelopeConfigSequenceFieldEvent {
      field: '$.config.sequence'
      value: bigint
    }

    export interface ConfigEnvelopeConfigChannelGroupVersionFieldEvent {
      field: '$.config.channelGroup.version'
      value: bigint
    }

    export interface ConfigEnvelopeConfigChannelGroupGroupsFieldEvent {
      field: '$.config.channelGroup.groups{}'
      key: string
      value: Uint8Array<ArrayBuffer>
    }

    export interface ConfigEnvelopeConfigChannelGroupValuesVersionFieldEvent {
      field: '$.config.channelGroup.values{}.version'
      value: common.ConfigValue
      key: string
    }

    export interface ConfigEnvelopeConfigChannelGroupValuesValueFieldEvent {
      field: '$.config.channelGroup.values{}.value'
      value: common.ConfigValue
      key: string
    }

    export interface ConfigEnvelopeConfigChannelGroupValuesModPolicyFieldEvent {
      field: '$.config.channelGroup.values{}.modPolicy'
      value: common.ConfigValue
      key: string
    }

    export interface ConfigEnvelopeConfigChannelGroupPoliciesVersionFieldEvent {
      field: '$.config.channelGroup.policies{}.version'
      value: common.ConfigPolicy
      key: string
    }

    export interface ConfigEnvelopeConfigChannelGroupPoliciesPolicyTypeFieldEvent {
      field: '$.config.channelGroup.policies{}.policy.type'
      value: common.ConfigPolicy
      key: string
    }

    export interface ConfigEnvelopeConfigChannelGroupPoliciesPolicyValueFieldEvent {
      field: '$.config.channelGroup.policies{}.policy.value'
      value: common.ConfigPolicy
      key: string
    }

    export interface ConfigEnvelopeConfigChannelGroupPoliciesModPolicyFieldEvent {
      field: '$.config.channelGroup.policies{}.modPolicy'
      value: common.ConfigPolicy
      key: string
    }

    export interface ConfigEnvelopeConfigChannelGroupModPolicyFieldEvent {
      field: '$.config.channelGroup.modPolicy'
      value: string
    }

    export interface ConfigEnvelopeLastUpdatePayloadFieldEvent {
      field: '$.lastUpdate.payload'
      value: Uint8Array<ArrayBuffer>
    }

    export interface ConfigEnvelopeLastUpdateSignatureFieldEvent {
      field: '$.lastUpdate.signature'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<ConfigEnvelope>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, ConfigEnvelope.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigEnvelope>): ConfigEnvelope {
      return decodeMessage(buf, ConfigEnvelope.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigEnvelope>): Generator<ConfigEnvelopeConfigSequenceFieldEvent | ConfigEnvelopeConfigChannelGroupVersionFieldEvent | ConfigEnvelopeConfigChannelGroupGroupsFieldEvent | ConfigEnvelopeConfigChannelGroupValuesVersionFieldEvent | ConfigEnvelopeConfigChannelGroupValuesValueFieldEvent | ConfigEnvelopeConfigChannelGroupValuesModPolicyFieldEvent | ConfigEnvelopeConfigChannelGroupPoliciesVersionFieldEvent | ConfigEnvelopeConfigChannelGroupPoliciesPolicyTypeFieldEvent | ConfigEnvelopeConfigChannelGroupPoliciesPolicyValueFieldEvent | ConfigEnvelopeConfigChannelGroupPoliciesModPolicyFieldEvent | ConfigEnvelopeConfigChannelGroupModPolicyFieldEvent | ConfigEnvelopeLastUpdatePayloadFieldEvent | ConfigEnvelopeLastUpdateSignatureFieldEvent> {
      return streamMessage(buf, ConfigEnvelope.codec(), opts)
    }
  }

  export interface Config {
    sequence: bigint
    channelGroup?: common.ConfigGroup
  }

  export namespace Config {
    let _codec: Codec<Config>

    export const codec = (): Codec<Config> => {
      if (_codec == null) {
        _codec = message<Config>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.sequence != null && obj.sequence !== 0n)) {
            w.uint32(8)
            w.uint64(obj.sequence)
          }

          if (obj.channelGroup != null) {
            w.uint32(18)
            common.ConfigGroup.codec().encode(obj.channelGroup, w)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            sequence: 0n
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.sequence = reader.uint64()
                break
              }
              case 2: {
                obj.channelGroup = common.ConfigGroup.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.channelGroup
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
                  field: `${prefix}.sequence`,
                  value: reader.uint64()
                }
                break
              }
              case 2: {
                yield * common.ConfigGroup.codec().stream(reader, reader.uint32(), `${prefix}.channelGroup`, {
                  limits: opts.limits?.channelGroup
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

    export interface ConfigSequenceFieldEvent {
      field: '$.sequence'
      value: bigint
    }

    export interface ConfigChannelGroupVersionFieldEvent {
      field: '$.channelGroup.version'
      value: bigint
    }

    export interface ConfigChannelGroupGroupsFieldEvent {
      field: '$.channelGroup.groups{}'
      key: string
      value: Uint8Array<ArrayBuffer>
    }

    export interface ConfigChannelGroupValuesVersionFieldEvent {
      field: '$.channelGroup.values{}.version'
      value: common.ConfigValue
      key: string
    }

    export interface ConfigChannelGroupValuesValueFieldEvent {
      field: '$.channelGroup.values{}.value'
      value: common.ConfigValue
      key: string
    }

    export interface ConfigChannelGroupValuesModPolicyFieldEvent {
      field: '$.channelGroup.values{}.modPolicy'
      value: common.ConfigValue
      key: string
    }

    export interface ConfigChannelGroupPoliciesVersionFieldEvent {
      field: '$.channelGroup.policies{}.version'
      value: common.ConfigPolicy
      key: string
    }

    export interface ConfigChannelGroupPoliciesPolicyTypeFieldEvent {
      field: '$.channelGroup.policies{}.policy.type'
      value: common.ConfigPolicy
      key: string
    }

    export interface ConfigChannelGroupPoliciesPolicyValueFieldEvent {
      field: '$.channelGroup.policies{}.policy.value'
      value: common.ConfigPolicy
      key: string
    }

    export interface ConfigChannelGroupPoliciesModPolicyFieldEvent {
      field: '$.channelGroup.policies{}.modPolicy'
      value: common.ConfigPolicy
      key: string
    }

    export interface ConfigChannelGroupModPolicyFieldEvent {
      field: '$.channelGroup.modPolicy'
      value: string
    }

    export function encode (obj: Partial<Config>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, Config.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Config>): Config {
      return decodeMessage(buf, Config.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Config>): Generator<ConfigSequenceFieldEvent | ConfigChannelGroupVersionFieldEvent | ConfigChannelGroupGroupsFieldEvent | ConfigChannelGroupValuesVersionFieldEvent | ConfigChannelGroupValuesValueFieldEvent | ConfigChannelGroupValuesModPolicyFieldEvent | ConfigChannelGroupPoliciesVersionFieldEvent | ConfigChannelGroupPoliciesPolicyTypeFieldEvent | ConfigChannelGroupPoliciesPolicyValueFieldEvent | ConfigChannelGroupPoliciesModPolicyFieldEvent | ConfigChannelGroupModPolicyFieldEvent> {
      return streamMessage(buf, Config.codec(), opts)
    }
  }

  export interface ConfigUpdateEnvelope {
    configUpdate: Uint8Array<ArrayBuffer>
    signatures: common.ConfigSignature[]
  }

  export namespace ConfigUpdateEnvelope {
    let _codec: Codec<ConfigUpdateEnvelope>

    export const codec = (): Codec<ConfigUpdateEnvelope> => {
      if (_codec == null) {
        _codec = message<ConfigUpdateEnvelope>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.configUpdate != null && obj.configUpdate.byteLength > 0)) {
            w.uint32(10)
            w.bytes(obj.configUpdate)
          }

          if (obj.signatures != null && obj.signatures.length > 0) {
            for (const value of obj.signatures) {
              w.uint32(18)
              common.ConfigSignature.codec().encode(value, w)
            }
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            configUpdate: uint8ArrayAlloc(0),
            signatures: []
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.configUpdate = reader.bytes()
                break
              }
              case 2: {
                if (opts.limits?.signatures != null && obj.signatures.length === opts.limits.signatures) {
                  throw new MaxLengthError('Decode error - repeated field "signatures" had too many elements')
                }

                obj.signatures.push(common.ConfigSignature.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.signatures$
                }))
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
            signatures: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.configUpdate`,
                  value: reader.bytes()
                }
                break
              }
              case 2: {
                if (opts.limits?.signatures != null && obj.signatures === opts.limits.signatures) {
                  throw new MaxLengthError('Streaming decode error - repeated field "signatures" had too many elements')
                }

                for (const evt of common.ConfigSignature.codec().stream(reader, reader.uint32(), `${prefix}.signatures[]`, {
                  limits: opts.limits?.signatures$
                })) {
                  yield {
                    ...evt,
                    index: obj.signatures
                  }
                }

                obj.signatures++

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

    export interface ConfigUpdateEnvelopeConfigUpdateFieldEvent {
      field: '$.configUpdate'
      value: Uint8Array<ArrayBuffer>
    }

    export interface ConfigUpdateEnvelopeSignaturesSignatureHeaderFieldEvent {
      field: '$.signatures[].signatureHeader'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export interface ConfigUpdateEnvelopeSignaturesSignatureFieldEvent {
      field: '$.signatures[].signature'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export function encode (obj: Partial<ConfigUpdateEnvelope>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, ConfigUpdateEnvelope.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigUpdateEnvelope>): ConfigUpdateEnvelope {
      return decodeMessage(buf, ConfigUpdateEnvelope.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigUpdateEnvelope>): Generator<ConfigUpdateEnvelopeConfigUpdateFieldEvent | ConfigUpdateEnvelopeSignaturesSignatureHeaderFieldEvent | ConfigUpdateEnvelopeSignaturesSignatureFieldEvent> {
      return streamMessage(buf, ConfigUpdateEnvelope.codec(), opts)
    }
  }

  export interface ConfigUpdate {
    channelId: string
    readSet?: common.ConfigGroup
    writeSet?: common.ConfigGroup
    isolatedData: Map<string, Uint8Array<ArrayBuffer>>
  }

  export namespace ConfigUpdate {
    export interface ConfigUpdate$isolatedDataEntry {
      key: string
      value: Uint8Array<ArrayBuffer>
    }

    export namespace ConfigUpdate$isolatedDataEntry {
      let _codec: Codec<ConfigUpdate$isolatedDataEntry>

      export const codec = (): Codec<ConfigUpdate$isolatedDataEntry> => {
        if (_codec == null) {
          _codec = message<ConfigUpdate$isolatedDataEntry>((obj, w, opts = {}) => {
            if (opts.lengthDelimited !== false) {
              w.fork()
            }

            if ((obj.key != null && obj.key !== '')) {
              w.uint32(10)
              w.string(obj.key)
            }

            if ((obj.value != null && obj.value.byteLength > 0)) {
              w.uint32(18)
              w.bytes(obj.value)
            }

            if (opts.lengthDelimited !== false) {
              w.ldelim()
            }
          }, (reader, length, opts = {}) => {
            const obj: any = {
              key: '',
              value: uint8ArrayAlloc(0)
            }

            const end = length == null ? reader.len : reader.pos + length

            while (reader.pos < end) {
              const tag = reader.uint32()

              switch (tag >>> 3) {
                case 1: {
                  obj.key = reader.string()
                  break
                }
                case 2: {
                  obj.value = reader.bytes()
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
                    field: `${prefix}.key`,
                    value: reader.string()
                  }
                  break
                }
                case 2: {
                  yield {
                    field: `${prefix}.value`,
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

      export interface ConfigUpdate$isolatedDataEntryKeyFieldEvent {
        field: '$.key'
        value: string
      }

      export interface ConfigUpdate$isolatedDataEntryValueFieldEvent {
        field: '$.value'
        value: Uint8Array<ArrayBuffer>
      }

      export function encode (obj: Partial<ConfigUpdate$isolatedDataEntry>): Uint8Array<ArrayBuffer> {
        return encodeMessage(obj, ConfigUpdate$isolatedDataEntry.codec())
      }

      export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigUpdate$isolatedDataEntry>): ConfigUpdate$isolatedDataEntry {
        return decodeMessage(buf, ConfigUpdate$isolatedDataEntry.codec(), opts)
      }

      export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigUpdate$isolatedDataEntry>): Generator<ConfigUpdate$isolatedDataEntryKeyFieldEvent | ConfigUpdate$isolatedDataEntryValueFieldEvent> {
        return streamMessage(buf, ConfigUpdate$isolatedDataEntry.codec(), opts)
      }
    }

    let _codec: Codec<ConfigUpdate>

    export const codec = (): Codec<ConfigUpdate> => {
      if (_codec == null) {
        _codec = message<ConfigUpdate>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.channelId != null && obj.channelId !== '')) {
            w.uint32(10)
            w.string(obj.channelId)
          }

          if (obj.readSet != null) {
            w.uint32(18)
            common.ConfigGroup.codec().encode(obj.readSet, w)
          }

          if (obj.writeSet != null) {
            w.uint32(26)
            common.ConfigGroup.codec().encode(obj.writeSet, w)
          }

          if (obj.isolatedData != null && obj.isolatedData.size > 0) {
            for (const [key, value] of obj.isolatedData.entries()) {
              w.uint32(42)
              common.ConfigUpdate.ConfigUpdate$isolatedDataEntry.codec().encode({ key, value }, w)
            }
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            channelId: '',
            isolatedData: new Map<string, Uint8Array<ArrayBuffer>>()
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.channelId = reader.string()
                break
              }
              case 2: {
                obj.readSet = common.ConfigGroup.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.readSet
                })
                break
              }
              case 3: {
                obj.writeSet = common.ConfigGroup.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.writeSet
                })
                break
              }
              case 5: {
                if (opts.limits?.isolatedData != null && obj.isolatedData.size === opts.limits.isolatedData) {
                  throw new MaxSizeError('Decode error - map field "isolatedData" had too many elements')
                }

                const entry = common.ConfigUpdate.ConfigUpdate$isolatedDataEntry.codec().decode(reader, reader.uint32(), {
                  limits: {
                    value: opts.limits?.isolatedData$value
                  }
                })
                obj.isolatedData.set(entry.key, entry.value)
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
            isolatedData: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.channelId`,
                  value: reader.string()
                }
                break
              }
              case 2: {
                yield * common.ConfigGroup.codec().stream(reader, reader.uint32(), `${prefix}.readSet`, {
                  limits: opts.limits?.readSet
                })

                break
              }
              case 3: {
                yield * common.ConfigGroup.codec().stream(reader, reader.uint32(), `${prefix}.writeSet`, {
                  limits: opts.limits?.writeSet
                })

                break
              }
              case 5: {
                if (opts.limits?.isolatedData != null && obj.isolatedData === opts.limits.isolatedData) {
                  throw new MaxLengthError('Decode error - map field "isolatedData" had too many elements')
                }

                yield * common.ConfigUpdate.ConfigUpdate$isolatedDataEntry.codec().stream(reader, reader.uint32(), `${prefix}.isolatedData{}`, {
                  limits: {
                    value: opts.limits?.isolatedData$value
                  }
                })

                obj.isolatedData++

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

    export interface ConfigUpdateChannelIdFieldEvent {
      field: '$.channelId'
      value: string
    }

    export interface ConfigUpdateReadSetVersionFieldEvent {
      field: '$.readSet.version'
      value: bigint
    }

    export interface ConfigUpdateReadSetGroupsFieldEvent {
      field: '$.readSet.groups{}'
      key: string
      value: Uint8Array<ArrayBuffer>
    }

    export interface ConfigUpdateReadSetValuesVersionFieldEvent {
      field: '$.readSet.values{}.version'
      value: common.ConfigValue
      key: string
    }

    export interface ConfigUpdateReadSetValuesValueFieldEvent {
      field: '$.readSet.values{}.value'
      value: common.ConfigValue
      key: string
    }

    export interface ConfigUpdateReadSetValuesModPolicyFieldEvent {
      field: '$.readSet.values{}.modPolicy'
      value: common.ConfigValue
      key: string
    }

    export interface ConfigUpdateReadSetPoliciesVersionFieldEvent {
      field: '$.readSet.policies{}.version'
      value: common.ConfigPolicy
      key: string
    }

    export interface ConfigUpdateReadSetPoliciesPolicyTypeFieldEvent {
      field: '$.readSet.policies{}.policy.type'
      value: common.ConfigPolicy
      key: string
    }

    export interface ConfigUpdateReadSetPoliciesPolicyValueFieldEvent {
      field: '$.readSet.policies{}.policy.value'
      value: common.ConfigPolicy
      key: string
    }

    export interface ConfigUpdateReadSetPoliciesModPolicyFieldEvent {
      field: '$.readSet.policies{}.modPolicy'
      value: common.ConfigPolicy
      key: string
    }

    export interface ConfigUpdateReadSetModPolicyFieldEvent {
      field: '$.readSet.modPolicy'
      value: string
    }

    export interface ConfigUpdateWriteSetVersionFieldEvent {
      field: '$.writeSet.version'
      value: bigint
    }

    export interface ConfigUpdateWriteSetGroupsFieldEvent {
      field: '$.writeSet.groups{}'
      key: string
      value: Uint8Array<ArrayBuffer>
    }

    export interface ConfigUpdateWriteSetValuesVersionFieldEvent {
      field: '$.writeSet.values{}.version'
      value: common.ConfigValue
      key: string
    }

    export interface ConfigUpdateWriteSetValuesValueFieldEvent {
      field: '$.writeSet.values{}.value'
      value: common.ConfigValue
      key: string
    }

    export interface ConfigUpdateWriteSetValuesModPolicyFieldEvent {
      field: '$.writeSet.values{}.modPolicy'
      value: common.ConfigValue
      key: string
    }

    export interface ConfigUpdateWriteSetPoliciesVersionFieldEvent {
      field: '$.writeSet.policies{}.version'
      value: common.ConfigPolicy
      key: string
    }

    export interface ConfigUpdateWriteSetPoliciesPolicyTypeFieldEvent {
      field: '$.writeSet.policies{}.policy.type'
      value: common.ConfigPolicy
      key: string
    }

    export interface ConfigUpdateWriteSetPoliciesPolicyValueFieldEvent {
      field: '$.writeSet.policies{}.policy.value'
      value: common.ConfigPolicy
      key: string
    }

    export interface ConfigUpdateWriteSetPoliciesModPolicyFieldEvent {
      field: '$.writeSet.policies{}.modPolicy'
      value: common.ConfigPolicy
      key: string
    }

    export interface ConfigUpdateWriteSetModPolicyFieldEvent {
      field: '$.writeSet.modPolicy'
      value: string
    }

    export interface ConfigUpdateIsolatedDataFieldEvent {
      field: '$.isolatedData{}'
      key: string
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<ConfigUpdate>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, ConfigUpdate.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigUpdate>): ConfigUpdate {
      return decodeMessage(buf, ConfigUpdate.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigUpdate>): Generator<ConfigUpdateChannelIdFieldEvent | ConfigUpdateReadSetVersionFieldEvent | ConfigUpdateReadSetGroupsFieldEvent | ConfigUpdateReadSetValuesVersionFieldEvent | ConfigUpdateReadSetValuesValueFieldEvent | ConfigUpdateReadSetValuesModPolicyFieldEvent | ConfigUpdateReadSetPoliciesVersionFieldEvent | ConfigUpdateReadSetPoliciesPolicyTypeFieldEvent | ConfigUpdateReadSetPoliciesPolicyValueFieldEvent | ConfigUpdateReadSetPoliciesModPolicyFieldEvent | ConfigUpdateReadSetModPolicyFieldEvent | ConfigUpdateWriteSetVersionFieldEvent | ConfigUpdateWriteSetGroupsFieldEvent | ConfigUpdateWriteSetValuesVersionFieldEvent | ConfigUpdateWriteSetValuesValueFieldEvent | ConfigUpdateWriteSetValuesModPolicyFieldEvent | ConfigUpdateWriteSetPoliciesVersionFieldEvent | ConfigUpdateWriteSetPoliciesPolicyTypeFieldEvent | ConfigUpdateWriteSetPoliciesPolicyValueFieldEvent | ConfigUpdateWriteSetPoliciesModPolicyFieldEvent | ConfigUpdateWriteSetModPolicyFieldEvent | ConfigUpdateIsolatedDataFieldEvent> {
      return streamMessage(buf, ConfigUpdate.codec(), opts)
    }
  }

  export interface ConfigGroup {
    version: bigint
    groups: Map<string, Uint8Array<ArrayBuffer>>
    values: Map<string, common.ConfigValue>
    policies: Map<string, common.ConfigPolicy>
    modPolicy: string
  }

  export namespace ConfigGroup {
    export interface ConfigGroup$groupsEntry {
      key: string
      value: Uint8Array<ArrayBuffer>
    }

    export namespace ConfigGroup$groupsEntry {
      let _codec: Codec<ConfigGroup$groupsEntry>

      export const codec = (): Codec<ConfigGroup$groupsEntry> => {
        if (_codec == null) {
          _codec = message<ConfigGroup$groupsEntry>((obj, w, opts = {}) => {
            if (opts.lengthDelimited !== false) {
              w.fork()
            }

            if ((obj.key != null && obj.key !== '')) {
              w.uint32(10)
              w.string(obj.key)
            }

            if ((obj.value != null && obj.value.byteLength > 0)) {
              w.uint32(18)
              w.bytes(obj.value)
            }

            if (opts.lengthDelimited !== false) {
              w.ldelim()
            }
          }, (reader, length, opts = {}) => {
            const obj: any = {
              key: '',
              value: uint8ArrayAlloc(0)
            }

            const end = length == null ? reader.len : reader.pos + length

            while (reader.pos < end) {
              const tag = reader.uint32()

              switch (tag >>> 3) {
                case 1: {
                  obj.key = reader.string()
                  break
                }
                case 2: {
                  obj.value = reader.bytes()
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
                    field: `${prefix}.key`,
                    value: reader.string()
                  }
                  break
                }
                case 2: {
                  yield {
                    field: `${prefix}.value`,
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

      export interface ConfigGroup$groupsEntryKeyFieldEvent {
        field: '$.key'
        value: string
      }

      export interface ConfigGroup$groupsEntryValueFieldEvent {
        field: '$.value'
        value: Uint8Array<ArrayBuffer>
      }

      export function encode (obj: Partial<ConfigGroup$groupsEntry>): Uint8Array<ArrayBuffer> {
        return encodeMessage(obj, ConfigGroup$groupsEntry.codec())
      }

      export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigGroup$groupsEntry>): ConfigGroup$groupsEntry {
        return decodeMessage(buf, ConfigGroup$groupsEntry.codec(), opts)
      }

      export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigGroup$groupsEntry>): Generator<ConfigGroup$groupsEntryKeyFieldEvent | ConfigGroup$groupsEntryValueFieldEvent> {
        return streamMessage(buf, ConfigGroup$groupsEntry.codec(), opts)
      }
    }

    export interface ConfigGroup$valuesEntry {
      key: string
      value?: common.ConfigValue
    }

    export namespace ConfigGroup$valuesEntry {
      let _codec: Codec<ConfigGroup$valuesEntry>

      export const codec = (): Codec<ConfigGroup$valuesEntry> => {
        if (_codec == null) {
          _codec = message<ConfigGroup$valuesEntry>((obj, w, opts = {}) => {
            if (opts.lengthDelimited !== false) {
              w.fork()
            }

            if ((obj.key != null && obj.key !== '')) {
              w.uint32(10)
              w.string(obj.key)
            }

            if (obj.value != null) {
              w.uint32(18)
              common.ConfigValue.codec().encode(obj.value, w)
            }

            if (opts.lengthDelimited !== false) {
              w.ldelim()
            }
          }, (reader, length, opts = {}) => {
            const obj: any = {
              key: ''
            }

            const end = length == null ? reader.len : reader.pos + length

            while (reader.pos < end) {
              const tag = reader.uint32()

              switch (tag >>> 3) {
                case 1: {
                  obj.key = reader.string()
                  break
                }
                case 2: {
                  obj.value = common.ConfigValue.codec().decode(reader, reader.uint32(), {
                    limits: opts.limits?.value
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
                    field: `${prefix}.key`,
                    value: reader.string()
                  }
                  break
                }
                case 2: {
                  yield * common.ConfigValue.codec().stream(reader, reader.uint32(), `${prefix}.value`, {
                    limits: opts.limits?.value
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

      export interface ConfigGroup$valuesEntryKeyFieldEvent {
        field: '$.key'
        value: string
      }

      export interface ConfigGroup$valuesEntryValueVersionFieldEvent {
        field: '$.value.version'
        value: bigint
      }

      export interface ConfigGroup$valuesEntryValueValueFieldEvent {
        field: '$.value.value'
        value: Uint8Array<ArrayBuffer>
      }

      export interface ConfigGroup$valuesEntryValueModPolicyFieldEvent {
        field: '$.value.modPolicy'
        value: string
      }

      export function encode (obj: Partial<ConfigGroup$valuesEntry>): Uint8Array<ArrayBuffer> {
        return encodeMessage(obj, ConfigGroup$valuesEntry.codec())
      }

      export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigGroup$valuesEntry>): ConfigGroup$valuesEntry {
        return decodeMessage(buf, ConfigGroup$valuesEntry.codec(), opts)
      }

      export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigGroup$valuesEntry>): Generator<ConfigGroup$valuesEntryKeyFieldEvent | ConfigGroup$valuesEntryValueVersionFieldEvent | ConfigGroup$valuesEntryValueValueFieldEvent | ConfigGroup$valuesEntryValueModPolicyFieldEvent> {
        return streamMessage(buf, ConfigGroup$valuesEntry.codec(), opts)
      }
    }

    export interface ConfigGroup$policiesEntry {
      key: string
      value?: common.ConfigPolicy
    }

    export namespace ConfigGroup$policiesEntry {
      let _codec: Codec<ConfigGroup$policiesEntry>

      export const codec = (): Codec<ConfigGroup$policiesEntry> => {
        if (_codec == null) {
          _codec = message<ConfigGroup$policiesEntry>((obj, w, opts = {}) => {
            if (opts.lengthDelimited !== false) {
              w.fork()
            }

            if ((obj.key != null && obj.key !== '')) {
              w.uint32(10)
              w.string(obj.key)
            }

            if (obj.value != null) {
              w.uint32(18)
              common.ConfigPolicy.codec().encode(obj.value, w)
            }

            if (opts.lengthDelimited !== false) {
              w.ldelim()
            }
          }, (reader, length, opts = {}) => {
            const obj: any = {
              key: ''
            }

            const end = length == null ? reader.len : reader.pos + length

            while (reader.pos < end) {
              const tag = reader.uint32()

              switch (tag >>> 3) {
                case 1: {
                  obj.key = reader.string()
                  break
                }
                case 2: {
                  obj.value = common.ConfigPolicy.codec().decode(reader, reader.uint32(), {
                    limits: opts.limits?.value
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
                    field: `${prefix}.key`,
                    value: reader.string()
                  }
                  break
                }
                case 2: {
                  yield * common.ConfigPolicy.codec().stream(reader, reader.uint32(), `${prefix}.value`, {
                    limits: opts.limits?.value
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

      export interface ConfigGroup$policiesEntryKeyFieldEvent {
        field: '$.key'
        value: string
      }

      export interface ConfigGroup$policiesEntryValueVersionFieldEvent {
        field: '$.value.version'
        value: bigint
      }

      export interface ConfigGroup$policiesEntryValuePolicyTypeFieldEvent {
        field: '$.value.policy.type'
        value: number
      }

      export interface ConfigGroup$policiesEntryValuePolicyValueFieldEvent {
        field: '$.value.policy.value'
        value: Uint8Array<ArrayBuffer>
      }

      export interface ConfigGroup$policiesEntryValueModPolicyFieldEvent {
        field: '$.value.modPolicy'
        value: string
      }

      export function encode (obj: Partial<ConfigGroup$policiesEntry>): Uint8Array<ArrayBuffer> {
        return encodeMessage(obj, ConfigGroup$policiesEntry.codec())
      }

      export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigGroup$policiesEntry>): ConfigGroup$policiesEntry {
        return decodeMessage(buf, ConfigGroup$policiesEntry.codec(), opts)
      }

      export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigGroup$policiesEntry>): Generator<ConfigGroup$policiesEntryKeyFieldEvent | ConfigGroup$policiesEntryValueVersionFieldEvent | ConfigGroup$policiesEntryValuePolicyTypeFieldEvent | ConfigGroup$policiesEntryValuePolicyValueFieldEvent | ConfigGroup$policiesEntryValueModPolicyFieldEvent> {
        return streamMessage(buf, ConfigGroup$policiesEntry.codec(), opts)
      }
    }

    let _codec: Codec<ConfigGroup>

    export const codec = (): Codec<ConfigGroup> => {
      if (_codec == null) {
        _codec = message<ConfigGroup>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.version != null && obj.version !== 0n)) {
            w.uint32(8)
            w.uint64(obj.version)
          }

          if (obj.groups != null && obj.groups.size > 0) {
            for (const [key, value] of obj.groups.entries()) {
              w.uint32(18)
              common.ConfigGroup.ConfigGroup$groupsEntry.codec().encode({ key, value }, w)
            }
          }

          if (obj.values != null && obj.values.size > 0) {
            for (const [key, value] of obj.values.entries()) {
              w.uint32(26)
              common.ConfigGroup.ConfigGroup$valuesEntry.codec().encode({ key, value }, w)
            }
          }

          if (obj.policies != null && obj.policies.size > 0) {
            for (const [key, value] of obj.policies.entries()) {
              w.uint32(34)
              common.ConfigGroup.ConfigGroup$policiesEntry.codec().encode({ key, value }, w)
            }
          }

          if ((obj.modPolicy != null && obj.modPolicy !== '')) {
            w.uint32(42)
            w.string(obj.modPolicy)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            version: 0n,
            groups: new Map<string, Uint8Array<ArrayBuffer>>(),
            values: new Map<string, common.ConfigValue>(),
            policies: new Map<string, common.ConfigPolicy>(),
            modPolicy: ''
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.version = reader.uint64()
                break
              }
              case 2: {
                if (opts.limits?.groups != null && obj.groups.size === opts.limits.groups) {
                  throw new MaxSizeError('Decode error - map field "groups" had too many elements')
                }

                const entry = common.ConfigGroup.ConfigGroup$groupsEntry.codec().decode(reader, reader.uint32(), {
                  limits: {
                    value: opts.limits?.groups$value
                  }
                })
                obj.groups.set(entry.key, entry.value)
                break
              }
              case 3: {
                if (opts.limits?.values != null && obj.values.size === opts.limits.values) {
                  throw new MaxSizeError('Decode error - map field "values" had too many elements')
                }

                const entry = common.ConfigGroup.ConfigGroup$valuesEntry.codec().decode(reader, reader.uint32(), {
                  limits: {
                    value: opts.limits?.values$value
                  }
                })
                obj.values.set(entry.key, entry.value)
                break
              }
              case 4: {
                if (opts.limits?.policies != null && obj.policies.size === opts.limits.policies) {
                  throw new MaxSizeError('Decode error - map field "policies" had too many elements')
                }

                const entry = common.ConfigGroup.ConfigGroup$policiesEntry.codec().decode(reader, reader.uint32(), {
                  limits: {
                    value: opts.limits?.policies$value
                  }
                })
                obj.policies.set(entry.key, entry.value)
                break
              }
              case 5: {
                obj.modPolicy = reader.string()
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
            groups: 0,
            values: 0,
            policies: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.version`,
                  value: reader.uint64()
                }
                break
              }
              case 2: {
                if (opts.limits?.groups != null && obj.groups === opts.limits.groups) {
                  throw new MaxLengthError('Decode error - map field "groups" had too many elements')
                }

                yield * common.ConfigGroup.ConfigGroup$groupsEntry.codec().stream(reader, reader.uint32(), `${prefix}.groups{}`, {
                  limits: {
                    value: opts.limits?.groups$value
                  }
                })

                obj.groups++

                break
              }
              case 3: {
                if (opts.limits?.values != null && obj.values === opts.limits.values) {
                  throw new MaxLengthError('Decode error - map field "values" had too many elements')
                }

                yield * common.ConfigGroup.ConfigGroup$valuesEntry.codec().stream(reader, reader.uint32(), `${prefix}.values{}`, {
                  limits: {
                    value: opts.limits?.values$value
                  }
                })

                obj.values++

                break
              }
              case 4: {
                if (opts.limits?.policies != null && obj.policies === opts.limits.policies) {
                  throw new MaxLengthError('Decode error - map field "policies" had too many elements')
                }

                yield * common.ConfigGroup.ConfigGroup$policiesEntry.codec().stream(reader, reader.uint32(), `${prefix}.policies{}`, {
                  limits: {
                    value: opts.limits?.policies$value
                  }
                })

                obj.policies++

                break
              }
              case 5: {
                yield {
                  field: `${prefix}.modPolicy`,
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

    export interface ConfigGroupVersionFieldEvent {
      field: '$.version'
      value: bigint
    }

    export interface ConfigGroupGroupsFieldEvent {
      field: '$.groups{}'
      key: string
      value: Uint8Array<ArrayBuffer>
    }

    export interface ConfigGroupValuesVersionFieldEvent {
      field: '$.values{}.version'
      value: common.ConfigValue
      key: string
    }

    export interface ConfigGroupValuesValueFieldEvent {
      field: '$.values{}.value'
      value: common.ConfigValue
      key: string
    }

    export interface ConfigGroupValuesModPolicyFieldEvent {
      field: '$.values{}.modPolicy'
      value: common.ConfigValue
      key: string
    }

    export interface ConfigGroupPoliciesVersionFieldEvent {
      field: '$.policies{}.version'
      value: common.ConfigPolicy
      key: string
    }

    export interface ConfigGroupPoliciesPolicyTypeFieldEvent {
      field: '$.policies{}.policy.type'
      value: common.ConfigPolicy
      key: string
    }

    export interface ConfigGroupPoliciesPolicyValueFieldEvent {
      field: '$.policies{}.policy.value'
      value: common.ConfigPolicy
      key: string
    }

    export interface ConfigGroupPoliciesModPolicyFieldEvent {
      field: '$.policies{}.modPolicy'
      value: common.ConfigPolicy
      key: string
    }

    export interface ConfigGroupModPolicyFieldEvent {
      field: '$.modPolicy'
      value: string
    }

    export function encode (obj: Partial<ConfigGroup>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, ConfigGroup.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigGroup>): ConfigGroup {
      return decodeMessage(buf, ConfigGroup.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigGroup>): Generator<ConfigGroupVersionFieldEvent | ConfigGroupGroupsFieldEvent | ConfigGroupValuesVersionFieldEvent | ConfigGroupValuesValueFieldEvent | ConfigGroupValuesModPolicyFieldEvent | ConfigGroupPoliciesVersionFieldEvent | ConfigGroupPoliciesPolicyTypeFieldEvent | ConfigGroupPoliciesPolicyValueFieldEvent | ConfigGroupPoliciesModPolicyFieldEvent | ConfigGroupModPolicyFieldEvent> {
      return streamMessage(buf, ConfigGroup.codec(), opts)
    }
  }

  export interface ConfigValue {
    version: bigint
    value: Uint8Array<ArrayBuffer>
    modPolicy: string
  }

  export namespace ConfigValue {
    let _codec: Codec<ConfigValue>

    export const codec = (): Codec<ConfigValue> => {
      if (_codec == null) {
        _codec = message<ConfigValue>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.version != null && obj.version !== 0n)) {
            w.uint32(8)
            w.uint64(obj.version)
          }

          if ((obj.value != null && obj.value.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.value)
          }

          if ((obj.modPolicy != null && obj.modPolicy !== '')) {
            w.uint32(26)
            w.string(obj.modPolicy)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            version: 0n,
            value: uint8ArrayAlloc(0),
            modPolicy: ''
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.version = reader.uint64()
                break
              }
              case 2: {
                obj.value = reader.bytes()
                break
              }
              case 3: {
                obj.modPolicy = reader.string()
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
                  field: `${prefix}.version`,
                  value: reader.uint64()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.value`,
                  value: reader.bytes()
                }
                break
              }
              case 3: {
                yield {
                  field: `${prefix}.modPolicy`,
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

    export interface ConfigValueVersionFieldEvent {
      field: '$.version'
      value: bigint
    }

    export interface ConfigValueValueFieldEvent {
      field: '$.value'
      value: Uint8Array<ArrayBuffer>
    }

    export interface ConfigValueModPolicyFieldEvent {
      field: '$.modPolicy'
      value: string
    }

    export function encode (obj: Partial<ConfigValue>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, ConfigValue.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigValue>): ConfigValue {
      return decodeMessage(buf, ConfigValue.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigValue>): Generator<ConfigValueVersionFieldEvent | ConfigValueValueFieldEvent | ConfigValueModPolicyFieldEvent> {
      return streamMessage(buf, ConfigValue.codec(), opts)
    }
  }

  export interface ConfigPolicy {
    version: bigint
    policy?: common.Policy
    modPolicy: string
  }

  export namespace ConfigPolicy {
    let _codec: Codec<ConfigPolicy>

    export const codec = (): Codec<ConfigPolicy> => {
      if (_codec == null) {
        _codec = message<ConfigPolicy>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.version != null && obj.version !== 0n)) {
            w.uint32(8)
            w.uint64(obj.version)
          }

          if (obj.policy != null) {
            w.uint32(18)
            common.Policy.codec().encode(obj.policy, w)
          }

          if ((obj.modPolicy != null && obj.modPolicy !== '')) {
            w.uint32(26)
            w.string(obj.modPolicy)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            version: 0n,
            modPolicy: ''
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.version = reader.uint64()
                break
              }
              case 2: {
                obj.policy = common.Policy.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.policy
                })
                break
              }
              case 3: {
                obj.modPolicy = reader.string()
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
                  field: `${prefix}.version`,
                  value: reader.uint64()
                }
                break
              }
              case 2: {
                yield * common.Policy.codec().stream(reader, reader.uint32(), `${prefix}.policy`, {
                  limits: opts.limits?.policy
                })

                break
              }
              case 3: {
                yield {
                  field: `${prefix}.modPolicy`,
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

    export interface ConfigPolicyVersionFieldEvent {
      field: '$.version'
      value: bigint
    }

    export interface ConfigPolicyPolicyTypeFieldEvent {
      field: '$.policy.type'
      value: number
    }

    export interface ConfigPolicyPolicyValueFieldEvent {
      field: '$.policy.value'
      value: Uint8Array<ArrayBuffer>
    }

    export interface ConfigPolicyModPolicyFieldEvent {
      field: '$.modPolicy'
      value: string
    }

    export function encode (obj: Partial<ConfigPolicy>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, ConfigPolicy.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigPolicy>): ConfigPolicy {
      return decodeMessage(buf, ConfigPolicy.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigPolicy>): Generator<ConfigPolicyVersionFieldEvent | ConfigPolicyPolicyTypeFieldEvent | ConfigPolicyPolicyValueFieldEvent | ConfigPolicyModPolicyFieldEvent> {
      return streamMessage(buf, ConfigPolicy.codec(), opts)
    }
  }

  export interface ConfigSignature {
    signatureHeader: Uint8Array<ArrayBuffer>
    signature: Uint8Array<ArrayBuffer>
  }

  export namespace ConfigSignature {
    let _codec: Codec<ConfigSignature>

    export const codec = (): Codec<ConfigSignature> => {
      if (_codec == null) {
        _codec = message<ConfigSignature>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.signatureHeader != null && obj.signatureHeader.byteLength > 0)) {
            w.uint32(10)
            w.bytes(obj.signatureHeader)
          }

          if ((obj.signature != null && obj.signature.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.signature)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            signatureHeader: uint8ArrayAlloc(0),
            signature: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.signatureHeader = reader.bytes()
                break
              }
              case 2: {
                obj.signature = reader.bytes()
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
                  field: `${prefix}.signatureHeader`,
                  value: reader.bytes()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.signature`,
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

    export interface ConfigSignatureSignatureHeaderFieldEvent {
      field: '$.signatureHeader'
      value: Uint8Array<ArrayBuffer>
    }

    export interface ConfigSignatureSignatureFieldEvent {
      field: '$.signature'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<ConfigSignature>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, ConfigSignature.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigSignature>): ConfigSignature {
      return decodeMessage(buf, ConfigSignature.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConfigSignature>): Generator<ConfigSignatureSignatureHeaderFieldEvent | ConfigSignatureSignatureFieldEvent> {
      return streamMessage(buf, ConfigSignature.codec(), opts)
    }
  }

  export interface Policy {
    type: number
    value: Uint8Array<ArrayBuffer>
  }

  export namespace Policy {
    export enum PolicyType {
      UNKNOWN = 'UNKNOWN',
      SIGNATURE = 'SIGNATURE',
      MSP = 'MSP',
      IMPLICIT_META = 'IMPLICIT_META'
    }

    enum __PolicyTypeValues {
      UNKNOWN = 0,
      SIGNATURE = 1,
      MSP = 2,
      IMPLICIT_META = 3
    }

    export namespace PolicyType {
      export const codec = (): Codec<PolicyType> => {
        return enumeration<PolicyType>(__PolicyTypeValues)
      }
    }

    let _codec: Codec<Policy>

    export const codec = (): Codec<Policy> => {
      if (_codec == null) {
        _codec = message<Policy>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.type != null && obj.type !== 0)) {
            w.uint32(8)
            w.int32(obj.type)
          }

          if ((obj.value != null && obj.value.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.value)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            type: 0,
            value: uint8ArrayAlloc(0)
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
                obj.value = reader.bytes()
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
                  field: `${prefix}.value`,
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

    export interface PolicyTypeFieldEvent {
      field: '$.type'
      value: number
    }

    export interface PolicyValueFieldEvent {
      field: '$.value'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<Policy>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, Policy.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Policy>): Policy {
      return decodeMessage(buf, Policy.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Policy>): Generator<PolicyTypeFieldEvent | PolicyValueFieldEvent> {
      return streamMessage(buf, Policy.codec(), opts)
    }
  }

  export interface ImplicitMetaPolicy {
    subPolicy: string
    rule: common.ImplicitMetaPolicy.Rule
  }

  export namespace ImplicitMetaPolicy {
    export enum Rule {
      ANY = 'ANY',
      ALL = 'ALL',
      MAJORITY = 'MAJORITY'
    }

    enum __RuleValues {
      ANY = 0,
      ALL = 1,
      MAJORITY = 2
    }

    export namespace Rule {
      export const codec = (): Codec<Rule> => {
        return enumeration<Rule>(__RuleValues)
      }
    }

    let _codec: Codec<ImplicitMetaPolicy>

    export const codec = (): Codec<ImplicitMetaPolicy> => {
      if (_codec == null) {
        _codec = message<ImplicitMetaPolicy>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.subPolicy != null && obj.subPolicy !== '')) {
            w.uint32(10)
            w.string(obj.subPolicy)
          }

          if (obj.rule != null && __RuleValues[obj.rule] !== 0) {
            w.uint32(16)
            common.ImplicitMetaPolicy.Rule.codec().encode(obj.rule, w)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            subPolicy: '',
            rule: Rule.ANY
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.subPolicy = reader.string()
                break
              }
              case 2: {
                obj.rule = common.ImplicitMetaPolicy.Rule.codec().decode(reader)
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
                  field: `${prefix}.subPolicy`,
                  value: reader.string()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.rule`,
                  value: common.ImplicitMetaPolicy.Rule.codec().decode(reader)
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

    export interface ImplicitMetaPolicySubPolicyFieldEvent {
      field: '$.subPolicy'
      value: string
    }

    export interface ImplicitMetaPolicyRuleFieldEvent {
      field: '$.rule'
      value: common.ImplicitMetaPolicy.Rule
    }

    export function encode (obj: Partial<ImplicitMetaPolicy>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, ImplicitMetaPolicy.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ImplicitMetaPolicy>): ImplicitMetaPolicy {
      return decodeMessage(buf, ImplicitMetaPolicy.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ImplicitMetaPolicy>): Generator<ImplicitMetaPolicySubPolicyFieldEvent | ImplicitMetaPolicyRuleFieldEvent> {
      return streamMessage(buf, ImplicitMetaPolicy.codec(), opts)
    }
  }

  export interface SignaturePolicyEnvelope {
    version: number
    rule?: common.SignaturePolicy
    identities: common.MSPPrincipal[]
  }

  export namespace SignaturePolicyEnvelope {
    let _codec: Codec<SignaturePolicyEnvelope>

    export const codec = (): Codec<SignaturePolicyEnvelope> => {
      if (_codec == null) {
        _codec = message<SignaturePolicyEnvelope>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.version != null && obj.version !== 0)) {
            w.uint32(8)
            w.int32(obj.version)
          }

          if (obj.rule != null) {
            w.uint32(18)
            common.SignaturePolicy.codec().encode(obj.rule, w)
          }

          if (obj.identities != null && obj.identities.length > 0) {
            for (const value of obj.identities) {
              w.uint32(26)
              common.MSPPrincipal.codec().encode(value, w)
            }
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            version: 0,
            identities: []
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.version = reader.int32()
                break
              }
              case 2: {
                obj.rule = common.SignaturePolicy.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.rule
                })
                break
              }
              case 3: {
                if (opts.limits?.identities != null && obj.identities.length === opts.limits.identities) {
                  throw new MaxLengthError('Decode error - repeated field "identities" had too many elements')
                }

                obj.identities.push(common.MSPPrincipal.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.identities$
                }))
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
            identities: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.version`,
                  value: reader.int32()
                }
                break
              }
              case 2: {
                yield * common.SignaturePolicy.codec().stream(reader, reader.uint32(), `${prefix}.rule`, {
                  limits: opts.limits?.rule
                })

                break
              }
              case 3: {
                if (opts.limits?.identities != null && obj.identities === opts.limits.identities) {
                  throw new MaxLengthError('Streaming decode error - repeated field "identities" had too many elements')
                }

                for (const evt of common.MSPPrincipal.codec().stream(reader, reader.uint32(), `${prefix}.identities[]`, {
                  limits: opts.limits?.identities$
                })) {
                  yield {
                    ...evt,
                    index: obj.identities
                  }
                }

                obj.identities++

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

    export interface SignaturePolicyEnvelopeVersionFieldEvent {
      field: '$.version'
      value: number
    }

    export interface SignaturePolicyEnvelopeRuleSignedByFieldEvent {
      field: '$.rule.signedBy'
      value: number
    }

    export interface SignaturePolicyEnvelopeRuleNOutOfNFieldEvent {
      field: '$.rule.nOutOf.n'
      value: number
    }

    export interface SignaturePolicyEnvelopeRuleNOutOfRulesFieldEvent {
      field: '$.rule.nOutOf.rules[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export interface SignaturePolicyEnvelopeIdentitiesPrincipalClassificationFieldEvent {
      field: '$.identities[].principalClassification'
      value: common.MSPPrincipal.Classification
      index: number
    }

    export interface SignaturePolicyEnvelopeIdentitiesPrincipalFieldEvent {
      field: '$.identities[].principal'
      value: Uint8Array<ArrayBuffer>
      index: number
    }

    export function encode (obj: Partial<SignaturePolicyEnvelope>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, SignaturePolicyEnvelope.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SignaturePolicyEnvelope>): SignaturePolicyEnvelope {
      return decodeMessage(buf, SignaturePolicyEnvelope.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SignaturePolicyEnvelope>): Generator<SignaturePolicyEnvelopeVersionFieldEvent | SignaturePolicyEnvelopeRuleSignedByFieldEvent | SignaturePolicyEnvelopeRuleNOutOfNFieldEvent | SignaturePolicyEnvelopeRuleNOutOfRulesFieldEvent | SignaturePolicyEnvelopeIdentitiesPrincipalClassificationFieldEvent | SignaturePolicyEnvelopeIdentitiesPrincipalFieldEvent> {
      return streamMessage(buf, SignaturePolicyEnvelope.codec(), opts)
    }
  }

  export interface SignaturePolicy {
    signedBy?: number
    nOutOf?: common.SignaturePolicy.NOutOf
  }

  export namespace SignaturePolicy {
    export interface NOutOf {
      n: number
      rules: Uint8Array<ArrayBuffer>[]
    }

    export namespace NOutOf {
      let _codec: Codec<NOutOf>

      export const codec = (): Codec<NOutOf> => {
        if (_codec == null) {
          _codec = message<NOutOf>((obj, w, opts = {}) => {
            if (opts.lengthDelimited !== false) {
              w.fork()
            }

            if ((obj.n != null && obj.n !== 0)) {
              w.uint32(8)
              w.int32(obj.n)
            }

            if (obj.rules != null && obj.rules.length > 0) {
              for (const value of obj.rules) {
                w.uint32(18)
                w.bytes(value)
              }
            }

            if (opts.lengthDelimited !== false) {
              w.ldelim()
            }
          }, (reader, length, opts = {}) => {
            const obj: any = {
              n: 0,
              rules: []
            }

            const end = length == null ? reader.len : reader.pos + length

            while (reader.pos < end) {
              const tag = reader.uint32()

              switch (tag >>> 3) {
                case 1: {
                  obj.n = reader.int32()
                  break
                }
                case 2: {
                  if (opts.limits?.rules != null && obj.rules.length === opts.limits.rules) {
                    throw new MaxLengthError('Decode error - repeated field "rules" had too many elements')
                  }

                  obj.rules.push(reader.bytes())
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
              rules: 0
            }

            const end = length == null ? reader.len : reader.pos + length

            while (reader.pos < end) {
              const tag = reader.uint32()

              switch (tag >>> 3) {
                case 1: {
                  yield {
                    field: `${prefix}.n`,
                    value: reader.int32()
                  }
                  break
                }
                case 2: {
                  if (opts.limits?.rules != null && obj.rules === opts.limits.rules) {
                    throw new MaxLengthError('Streaming decode error - repeated field "rules" had too many elements')
                  }

                  yield {
                    field: `${prefix}.rules[]`,
                    index: obj.rules,
                    value: reader.bytes()
                  }

                  obj.rules++

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

      export interface NOutOfNFieldEvent {
        field: '$.n'
        value: number
      }

      export interface NOutOfRulesFieldEvent {
        field: '$.rules[]'
        index: number
        value: Uint8Array<ArrayBuffer>
      }

      export function encode (obj: Partial<NOutOf>): Uint8Array<ArrayBuffer> {
        return encodeMessage(obj, NOutOf.codec())
      }

      export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<NOutOf>): NOutOf {
        return decodeMessage(buf, NOutOf.codec(), opts)
      }

      export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<NOutOf>): Generator<NOutOfNFieldEvent | NOutOfRulesFieldEvent> {
        return streamMessage(buf, NOutOf.codec(), opts)
      }
    }

    let _codec: Codec<SignaturePolicy>

    export const codec = (): Codec<SignaturePolicy> => {
      if (_codec == null) {
        _codec = message<SignaturePolicy>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          obj = { ...obj }

          if (obj.nOutOf != null) {
            obj.signedBy = undefined
          }

          if (obj.signedBy != null) {
            obj.nOutOf = undefined
          }

          if (obj.signedBy != null) {
            w.uint32(8)
            w.int32(obj.signedBy)
          }

          if (obj.nOutOf != null) {
            w.uint32(18)
            common.SignaturePolicy.NOutOf.codec().encode(obj.nOutOf, w)
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
              case 1: {
                obj.signedBy = reader.int32()
                break
              }
              case 2: {
                obj.nOutOf = common.SignaturePolicy.NOutOf.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.nOutOf
                })
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }

          if (obj.nOutOf != null) {
            delete obj.signedBy
          }

          if (obj.signedBy != null) {
            delete obj.nOutOf
          }

          return obj
        }, function * (reader, length, prefix, opts = {}) {
          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.signedBy`,
                  value: reader.int32()
                }
                break
              }
              case 2: {
                yield * common.SignaturePolicy.NOutOf.codec().stream(reader, reader.uint32(), `${prefix}.nOutOf`, {
                  limits: opts.limits?.nOutOf
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

    export interface SignaturePolicySignedByFieldEvent {
      field: '$.signedBy'
      value: number
    }

    export interface SignaturePolicyNOutOfNFieldEvent {
      field: '$.nOutOf.n'
      value: number
    }

    export interface SignaturePolicyNOutOfRulesFieldEvent {
      field: '$.nOutOf.rules[]'
      index: number
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<SignaturePolicy>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, SignaturePolicy.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SignaturePolicy>): SignaturePolicy {
      return decodeMessage(buf, SignaturePolicy.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SignaturePolicy>): Generator<SignaturePolicySignedByFieldEvent | SignaturePolicyNOutOfNFieldEvent | SignaturePolicyNOutOfRulesFieldEvent> {
      return streamMessage(buf, SignaturePolicy.codec(), opts)
    }
  }

  export interface MSPPrincipal {
    principalClassification: common.MSPPrincipal.Classification
    principal: Uint8Array<ArrayBuffer>
  }

  export namespace MSPPrincipal {
    export enum Classification {
      ROLE = 'ROLE',
      ORGANIZATION_UNIT = 'ORGANIZATION_UNIT',
      IDENTITY = 'IDENTITY',
      ANONYMITY = 'ANONYMITY',
      COMBINED = 'COMBINED'
    }

    enum __ClassificationValues {
      ROLE = 0,
      ORGANIZATION_UNIT = 1,
      IDENTITY = 2,
      ANONYMITY = 3,
      COMBINED = 4
    }

    export namespace Classification {
      export const codec = (): Codec<Classification> => {
        return enumeration<Classification>(__ClassificationValues)
      }
    }

    let _codec: Codec<MSPPrincipal>

    export const codec = (): Codec<MSPPrincipal> => {
      if (_codec == null) {
        _codec = message<MSPPrincipal>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.principalClassification != null && __ClassificationValues[obj.principalClassification] !== 0) {
            w.uint32(8)
            common.MSPPrincipal.Classification.codec().encode(obj.principalClassification, w)
          }

          if ((obj.principal != null && obj.principal.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.principal)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            principalClassification: Classification.ROLE,
            principal: uint8ArrayAlloc(0)
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.principalClassification = common.MSPPrincipal.Classification.codec().decode(reader)
                break
              }
              case 2: {
                obj.principal = reader.bytes()
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
                  field: `${prefix}.principalClassification`,
                  value: common.MSPPrincipal.Classification.codec().decode(reader)
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.principal`,
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

    export interface MSPPrincipalPrincipalClassificationFieldEvent {
      field: '$.principalClassification'
      value: common.MSPPrincipal.Classification
    }

    export interface MSPPrincipalPrincipalFieldEvent {
      field: '$.principal'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<MSPPrincipal>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, MSPPrincipal.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MSPPrincipal>): MSPPrincipal {
      return decodeMessage(buf, MSPPrincipal.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MSPPrincipal>): Generator<MSPPrincipalPrincipalClassificationFieldEvent | MSPPrincipalPrincipalFieldEvent> {
      return streamMessage(buf, MSPPrincipal.codec(), opts)
    }
  }

  export interface MSPRole {
    mspIdentifier: string
    role: common.MSPRole.MSPRoleType
  }

  export namespace MSPRole {
    export enum MSPRoleType {
      MEMBER = 'MEMBER',
      ADMIN = 'ADMIN',
      CLIENT = 'CLIENT',
      PEER = 'PEER',
      ORDERER = 'ORDERER'
    }

    enum __MSPRoleTypeValues {
      MEMBER = 0,
      ADMIN = 1,
      CLIENT = 2,
      PEER = 3,
      ORDERER = 4
    }

    export namespace MSPRoleType {
      export const codec = (): Codec<MSPRoleType> => {
        return enumeration<MSPRoleType>(__MSPRoleTypeValues)
      }
    }

    let _codec: Codec<MSPRole>

    export const codec = (): Codec<MSPRole> => {
      if (_codec == null) {
        _codec = message<MSPRole>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.mspIdentifier != null && obj.mspIdentifier !== '')) {
            w.uint32(10)
            w.string(obj.mspIdentifier)
          }

          if (obj.role != null && __MSPRoleTypeValues[obj.role] !== 0) {
            w.uint32(16)
            common.MSPRole.MSPRoleType.codec().encode(obj.role, w)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            mspIdentifier: '',
            role: MSPRoleType.MEMBER
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.mspIdentifier = reader.string()
                break
              }
              case 2: {
                obj.role = common.MSPRole.MSPRoleType.codec().decode(reader)
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
                  field: `${prefix}.mspIdentifier`,
                  value: reader.string()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.role`,
                  value: common.MSPRole.MSPRoleType.codec().decode(reader)
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

    export interface MSPRoleMspIdentifierFieldEvent {
      field: '$.mspIdentifier'
      value: string
    }

    export interface MSPRoleRoleFieldEvent {
      field: '$.role'
      value: common.MSPRole.MSPRoleType
    }

    export function encode (obj: Partial<MSPRole>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, MSPRole.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MSPRole>): MSPRole {
      return decodeMessage(buf, MSPRole.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<MSPRole>): Generator<MSPRoleMspIdentifierFieldEvent | MSPRoleRoleFieldEvent> {
      return streamMessage(buf, MSPRole.codec(), opts)
    }
  }

  export interface HashingAlgorithm {
    name: string
  }

  export namespace HashingAlgorithm {
    let _codec: Codec<HashingAlgorithm>

    export const codec = (): Codec<HashingAlgorithm> => {
      if (_codec == null) {
        _codec = message<HashingAlgorithm>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.name != null && obj.name !== '')) {
            w.uint32(10)
            w.string(obj.name)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            name: ''
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.name = reader.string()
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

    export interface HashingAlgorithmNameFieldEvent {
      field: '$.name'
      value: string
    }

    export function encode (obj: Partial<HashingAlgorithm>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, HashingAlgorithm.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HashingAlgorithm>): HashingAlgorithm {
      return decodeMessage(buf, HashingAlgorithm.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<HashingAlgorithm>): Generator<HashingAlgorithmNameFieldEvent> {
      return streamMessage(buf, HashingAlgorithm.codec(), opts)
    }
  }

  export interface BlockDataHashingStructure {
    width: number
  }

  export namespace BlockDataHashingStructure {
    let _codec: Codec<BlockDataHashingStructure>

    export const codec = (): Codec<BlockDataHashingStructure> => {
      if (_codec == null) {
        _codec = message<BlockDataHashingStructure>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.width != null && obj.width !== 0)) {
            w.uint32(8)
            w.uint32(obj.width)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            width: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.width = reader.uint32()
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
                  field: `${prefix}.width`,
                  value: reader.uint32()
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

    export interface BlockDataHashingStructureWidthFieldEvent {
      field: '$.width'
      value: number
    }

    export function encode (obj: Partial<BlockDataHashingStructure>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, BlockDataHashingStructure.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BlockDataHashingStructure>): BlockDataHashingStructure {
      return decodeMessage(buf, BlockDataHashingStructure.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BlockDataHashingStructure>): Generator<BlockDataHashingStructureWidthFieldEvent> {
      return streamMessage(buf, BlockDataHashingStructure.codec(), opts)
    }
  }

  export interface OrdererAddresses {
    addresses: string[]
  }

  export namespace OrdererAddresses {
    let _codec: Codec<OrdererAddresses>

    export const codec = (): Codec<OrdererAddresses> => {
      if (_codec == null) {
        _codec = message<OrdererAddresses>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.addresses != null && obj.addresses.length > 0) {
            for (const value of obj.addresses) {
              w.uint32(10)
              w.string(value)
            }
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            addresses: []
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                if (opts.limits?.addresses != null && obj.addresses.length === opts.limits.addresses) {
                  throw new MaxLengthError('Decode error - repeated field "addresses" had too many elements')
                }

                obj.addresses.push(reader.string())
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
            addresses: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                if (opts.limits?.addresses != null && obj.addresses === opts.limits.addresses) {
                  throw new MaxLengthError('Streaming decode error - repeated field "addresses" had too many elements')
                }

                yield {
                  field: `${prefix}.addresses[]`,
                  index: obj.addresses,
                  value: reader.string()
                }

                obj.addresses++

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

    export interface OrdererAddressesAddressesFieldEvent {
      field: '$.addresses[]'
      index: number
      value: string
    }

    export function encode (obj: Partial<OrdererAddresses>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, OrdererAddresses.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<OrdererAddresses>): OrdererAddresses {
      return decodeMessage(buf, OrdererAddresses.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<OrdererAddresses>): Generator<OrdererAddressesAddressesFieldEvent> {
      return streamMessage(buf, OrdererAddresses.codec(), opts)
    }
  }

  export interface Consortium {
    name: string
  }

  export namespace Consortium {
    let _codec: Codec<Consortium>

    export const codec = (): Codec<Consortium> => {
      if (_codec == null) {
        _codec = message<Consortium>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.name != null && obj.name !== '')) {
            w.uint32(10)
            w.string(obj.name)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            name: ''
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.name = reader.string()
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

    export interface ConsortiumNameFieldEvent {
      field: '$.name'
      value: string
    }

    export function encode (obj: Partial<Consortium>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, Consortium.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Consortium>): Consortium {
      return decodeMessage(buf, Consortium.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Consortium>): Generator<ConsortiumNameFieldEvent> {
      return streamMessage(buf, Consortium.codec(), opts)
    }
  }

  export interface Capabilities {
    capabilities: Map<string, common.Capability>
  }

  export namespace Capabilities {
    export interface Capabilities$capabilitiesEntry {
      key: string
      value?: common.Capability
    }

    export namespace Capabilities$capabilitiesEntry {
      let _codec: Codec<Capabilities$capabilitiesEntry>

      export const codec = (): Codec<Capabilities$capabilitiesEntry> => {
        if (_codec == null) {
          _codec = message<Capabilities$capabilitiesEntry>((obj, w, opts = {}) => {
            if (opts.lengthDelimited !== false) {
              w.fork()
            }

            if ((obj.key != null && obj.key !== '')) {
              w.uint32(10)
              w.string(obj.key)
            }

            if (obj.value != null) {
              w.uint32(18)
              common.Capability.codec().encode(obj.value, w)
            }

            if (opts.lengthDelimited !== false) {
              w.ldelim()
            }
          }, (reader, length, opts = {}) => {
            const obj: any = {
              key: ''
            }

            const end = length == null ? reader.len : reader.pos + length

            while (reader.pos < end) {
              const tag = reader.uint32()

              switch (tag >>> 3) {
                case 1: {
                  obj.key = reader.string()
                  break
                }
                case 2: {
                  obj.value = common.Capability.codec().decode(reader, reader.uint32(), {
                    limits: opts.limits?.value
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
                    field: `${prefix}.key`,
                    value: reader.string()
                  }
                  break
                }
                case 2: {
                  yield * common.Capability.codec().stream(reader, reader.uint32(), `${prefix}.value`, {
                    limits: opts.limits?.value
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

      export interface Capabilities$capabilitiesEntryKeyFieldEvent {
        field: '$.key'
        value: string
      }

      export function encode (obj: Partial<Capabilities$capabilitiesEntry>): Uint8Array<ArrayBuffer> {
        return encodeMessage(obj, Capabilities$capabilitiesEntry.codec())
      }

      export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Capabilities$capabilitiesEntry>): Capabilities$capabilitiesEntry {
        return decodeMessage(buf, Capabilities$capabilitiesEntry.codec(), opts)
      }

      export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Capabilities$capabilitiesEntry>): Generator<Capabilities$capabilitiesEntryKeyFieldEvent> {
        return streamMessage(buf, Capabilities$capabilitiesEntry.codec(), opts)
      }
    }

    let _codec: Codec<Capabilities>

    export const codec = (): Codec<Capabilities> => {
      if (_codec == null) {
        _codec = message<Capabilities>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.capabilities != null && obj.capabilities.size > 0) {
            for (const [key, value] of obj.capabilities.entries()) {
              w.uint32(10)
              common.Capabilities.Capabilities$capabilitiesEntry.codec().encode({ key, value }, w)
            }
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            capabilities: new Map<string, common.Capability>()
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                if (opts.limits?.capabilities != null && obj.capabilities.size === opts.limits.capabilities) {
                  throw new MaxSizeError('Decode error - map field "capabilities" had too many elements')
                }

                const entry = common.Capabilities.Capabilities$capabilitiesEntry.codec().decode(reader, reader.uint32(), {
                  limits: {
                    value: opts.limits?.capabilities$value
                  }
                })
                obj.capabilities.set(entry.key, entry.value)
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
            capabilities: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                if (opts.limits?.capabilities != null && obj.capabilities === opts.limits.capabilities) {
                  throw new MaxLengthError('Decode error - map field "capabilities" had too many elements')
                }

                yield * common.Capabilities.Capabilities$capabilitiesEntry.codec().stream(reader, reader.uint32(), `${prefix}.capabilities{}`, {
                  limits: {
                    value: opts.limits?.capabilities$value
                  }
                })

                obj.capabilities++

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

    export function encode (obj: Partial<Capabilities>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, Capabilities.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Capabilities>): Capabilities {
      return decodeMessage(buf, Capabilities.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Capabilities>): Generator<{}> {
      return streamMessage(buf, Capabilities.codec(), opts)
    }
  }

  export interface Capability {}

  export namespace Capability {
    let _codec: Codec<Capability>

    export const codec = (): Codec<Capability> => {
      if (_codec == null) {
        _codec = message<Capability>((obj, w, opts = {}) => {
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

    export function encode (obj: Partial<Capability>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, Capability.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Capability>): Capability {
      return decodeMessage(buf, Capability.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<Capability>): Generator<{}> {
      return streamMessage(buf, Capability.codec(), opts)
    }
  }

  let _codec: Codec<common>

  export const codec = (): Codec<common> => {
    if (_codec == null) {
      _codec = message<common>((obj, w, opts = {}) => {
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

  export function encode (obj: Partial<common>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, common.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<common>): common {
    return decodeMessage(buf, common.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<common>): Generator<{}> {
    return streamMessage(buf, common.codec(), opts)
  }
}
