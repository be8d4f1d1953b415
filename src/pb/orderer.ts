/* eslint-disable require-yield */

import { decodeMessage, encodeMessage, enumeration, message, streamMessage } from 'protons-runtime'
import { alloc as uint8ArrayAlloc } from 'uint8arrays/alloc'
import type { Codec, DecodeOptions } from 'protons-runtime'
import type { Uint8ArrayList } from 'uint8arraylist'

export interface orderer {}

export namespace orderer {
  export interface ConsensusType {
    type: string
    metadata: Uint8Array<ArrayBuffer>
    state: orderer.ConsensusType.State
  }

  export namespace ConsensusType {
    export enum State {
      STATE_NORMAL = 'STATE_NORMAL',
      STATE_MAINTENANCE = 'STATE_MAINTENANCE'
    }

    enum __StateValues {
      STATE_NORMAL = 0,
      STATE_MAINTENANCE = 1
    }

    export namespace State {
      export const codec = (): Codec<State> => {
        return enumeration<State>(__StateValues)
      }
    }

    let _codec: Codec<ConsensusType>

    export const codec = (): Codec<ConsensusType> => {
      if (_codec == null) {
        _codec = message<ConsensusType>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.type != null && obj.type !== '')) {
            w.uint32(10)
            w.string(obj.type)
          }

          if ((obj.metadata != null && obj.metadata.byteLength > 0)) {
            w.uint32(18)
            w.bytes(obj.metadata)
          }

          if (obj.state != null && __StateValues[obj.state] !== 0) {
            w.uint32(24)
            orderer.ConsensusType.State.codec().encode(obj.state, w)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            type: '',
            metadata: uint8ArrayAlloc(0),
            state: State.STATE_NORMAL
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.type = reader.string()
                break
              }
              case 2: {
                obj.metadata = reader.bytes()
                break
              }
              case 3: {
                obj.state = orderer.ConsensusType.State.codec().decode(reader)
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
                  value: reader.string()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.metadata`,
                  value: reader.bytes()
                }
                break
              }
              case 3: {
                yield {
                  field: `${prefix}.state`,
                  value: orderer.ConsensusType.State.codec().decode(reader)
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

    export interface ConsensusTypeTypeFieldEvent {
      field: '$.type'
      value: string
    }

    export interface ConsensusTypeMetadataFieldEvent {
      field: '$.metadata'
      value: Uint8Array<ArrayBuffer>
    }

    export interface ConsensusTypeStateFieldEvent {
      field: '$.state'
      value: orderer.ConsensusType.State
    }

    export function encode (obj: Partial<ConsensusType>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, ConsensusType.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConsensusType>): ConsensusType {
      return decodeMessage(buf, ConsensusType.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ConsensusType>): Generator<ConsensusTypeTypeFieldEvent | ConsensusTypeMetadataFieldEvent | ConsensusTypeStateFieldEvent> {
      return streamMessage(buf, ConsensusType.codec(), opts)
    }
  }

  export interface BatchSize {
    maxMessageCount: number
    absoluteMaxBytes: number
    preferredMaxBytes: number
  }

  export namespace BatchSize {
    let _codec: Codec<BatchSize>

    export const codec = (): Codec<BatchSize> => {
      if (_codec == null) {
        _codec = message<BatchSize>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.maxMessageCount != null && obj.maxMessageCount !== 0)) {
            w.uint32(8)
            w.uint32(obj.maxMessageCount)
          }

          if ((obj.absoluteMaxBytes != null && obj.absoluteMaxBytes !== 0)) {
            w.uint32(16)
            w.uint32(obj.absoluteMaxBytes)
          }

          if ((obj.preferredMaxBytes != null && obj.preferredMaxBytes !== 0)) {
            w.uint32(24)
            w.uint32(obj.preferredMaxBytes)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            maxMessageCount: 0,
            absoluteMaxBytes: 0,
            preferredMaxBytes: 0
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.maxMessageCount = reader.uint32()
                break
              }
              case 2: {
                obj.absoluteMaxBytes = reader.uint32()
                break
              }
              case 3: {
                obj.preferredMaxBytes = reader.uint32()
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
                  field: `${prefix}.maxMessageCount`,
                  value: reader.uint32()
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.absoluteMaxBytes`,
                  value: reader.uint32()
                }
                break
              }
              case 3: {
                yield {
                  field: `${prefix}.preferredMaxBytes`,
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

    export interface BatchSizeMaxMessageCountFieldEvent {
      field: '$.maxMessageCount'
      value: number
    }

    export interface BatchSizeAbsoluteMaxBytesFieldEvent {
      field: '$.absoluteMaxBytes'
      value: number
    }

    export interface BatchSizePreferredMaxBytesFieldEvent {
      field: '$.preferredMaxBytes'
      value: number
    }

    export function encode (obj: Partial<BatchSize>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, BatchSize.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BatchSize>): BatchSize {
      return decodeMessage(buf, BatchSize.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BatchSize>): Generator<BatchSizeMaxMessageCountFieldEvent | BatchSizeAbsoluteMaxBytesFieldEvent | BatchSizePreferredMaxBytesFieldEvent> {
      return streamMessage(buf, BatchSize.codec(), opts)
    }
  }

  export interface BatchTimeout {
    timeout: string
  }

  export namespace BatchTimeout {
    let _codec: Codec<BatchTimeout>

    export const codec = (): Codec<BatchTimeout> => {
      if (_codec == null) {
        _codec = message<BatchTimeout>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.timeout != null && obj.timeout !== '')) {
            w.uint32(10)
            w.string(obj.timeout)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            timeout: ''
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.timeout = reader.string()
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
                  field: `${prefix}.timeout`,
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

    export interface BatchTimeoutTimeoutFieldEvent {
      field: '$.timeout'
      value: string
    }

    export function encode (obj: Partial<BatchTimeout>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, BatchTimeout.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BatchTimeout>): BatchTimeout {
      return decodeMessage(buf, BatchTimeout.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BatchTimeout>): Generator<BatchTimeoutTimeoutFieldEvent> {
      return streamMessage(buf, BatchTimeout.codec(), opts)
    }
  }

  export interface ChannelRestrictions {
    maxCount: bigint
  }

  export namespace ChannelRestrictions {
    let _codec: Codec<ChannelRestrictions>

    export const codec = (): Codec<ChannelRestrictions> => {
      if (_codec == null) {
        _codec = message<ChannelRestrictions>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.maxCount != null && obj.maxCount !== 0n)) {
            w.uint32(8)
            w.uint64(obj.maxCount)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            maxCount: 0n
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.maxCount = reader.uint64()
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
                  field: `${prefix}.maxCount`,
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

    export interface ChannelRestrictionsMaxCountFieldEvent {
      field: '$.maxCount'
      value: bigint
    }

    export function encode (obj: Partial<ChannelRestrictions>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, ChannelRestrictions.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ChannelRestrictions>): ChannelRestrictions {
      return decodeMessage(buf, ChannelRestrictions.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<ChannelRestrictions>): Generator<ChannelRestrictionsMaxCountFieldEvent> {
      return streamMessage(buf, ChannelRestrictions.codec(), opts)
    }
  }

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

  export interface BroadcastResponse {
    status: orderer.Status
    info: string
  }

  export namespace BroadcastResponse {
    let _codec: Codec<BroadcastResponse>

    export const codec = (): Codec<BroadcastResponse> => {
      if (_codec == null) {
        _codec = message<BroadcastResponse>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.status != null && __StatusValues[obj.status] !== 0) {
            w.uint32(8)
            orderer.Status.codec().encode(obj.status, w)
          }

          if ((obj.info != null && obj.info !== '')) {
            w.uint32(18)
            w.string(obj.info)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            status: Status.UNKNOWN,
            info: ''
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.status = orderer.Status.codec().decode(reader)
                break
              }
              case 2: {
                obj.info = reader.string()
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
                  field: `${prefix}.status`,
                  value: orderer.Status.codec().decode(reader)
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.info`,
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

    export interface BroadcastResponseStatusFieldEvent {
      field: '$.status'
      value: orderer.Status
    }

    export interface BroadcastResponseInfoFieldEvent {
      field: '$.info'
      value: string
    }

    export function encode (obj: Partial<BroadcastResponse>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, BroadcastResponse.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BroadcastResponse>): BroadcastResponse {
      return decodeMessage(buf, BroadcastResponse.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<BroadcastResponse>): Generator<BroadcastResponseStatusFieldEvent | BroadcastResponseInfoFieldEvent> {
      return streamMessage(buf, BroadcastResponse.codec(), opts)
    }
  }

  export interface SeekNewest {}

  export namespace SeekNewest {
    let _codec: Codec<SeekNewest>

    export const codec = (): Codec<SeekNewest> => {
      if (_codec == null) {
        _codec = message<SeekNewest>((obj, w, opts = {}) => {
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

    export function encode (obj: Partial<SeekNewest>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, SeekNewest.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SeekNewest>): SeekNewest {
      return decodeMessage(buf, SeekNewest.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SeekNewest>): Generator<{}> {
      return streamMessage(buf, SeekNewest.codec(), opts)
    }
  }

  export interface SeekOldest {}

  export namespace SeekOldest {
    let _codec: Codec<SeekOldest>

    export const codec = (): Codec<SeekOldest> => {
      if (_codec == null) {
        _codec = message<SeekOldest>((obj, w, opts = {}) => {
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

    export function encode (obj: Partial<SeekOldest>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, SeekOldest.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SeekOldest>): SeekOldest {
      return decodeMessage(buf, SeekOldest.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SeekOldest>): Generator<{}> {
      return streamMessage(buf, SeekOldest.codec(), opts)
    }
  }

  export interface SeekSpecified {
    number: bigint
  }

  export namespace SeekSpecified {
    let _codec: Codec<SeekSpecified>

    export const codec = (): Codec<SeekSpecified> => {
      if (_codec == null) {
        _codec = message<SeekSpecified>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if ((obj.number != null && obj.number !== 0n)) {
            w.uint32(8)
            w.uint64(obj.number)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            number: 0n
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.number = reader.uint64()
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

    export interface SeekSpecifiedNumberFieldEvent {
      field: '$.number'
      value: bigint
    }

    export function encode (obj: Partial<SeekSpecified>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, SeekSpecified.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SeekSpecified>): SeekSpecified {
      return decodeMessage(buf, SeekSpecified.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SeekSpecified>): Generator<SeekSpecifiedNumberFieldEvent> {
      return streamMessage(buf, SeekSpecified.codec(), opts)
    }
  }

  export interface SeekNextCommit {}

  export namespace SeekNextCommit {
    let _codec: Codec<SeekNextCommit>

    export const codec = (): Codec<SeekNextCommit> => {
      if (_codec == null) {
        _codec = message<SeekNextCommit>((obj, w, opts = {}) => {
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

    export function encode (obj: Partial<SeekNextCommit>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, SeekNextCommit.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SeekNextCommit>): SeekNextCommit {
      return decodeMessage(buf, SeekNextCommit.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SeekNextCommit>): Generator<{}> {
      return streamMessage(buf, SeekNextCommit.codec(), opts)
    }
  }

  export interface SeekPosition {
    newest?: orderer.SeekNewest
    oldest?: orderer.SeekOldest
    specified?: orderer.SeekSpecified
    nextCommit?: orderer.SeekNextCommit
  }

  export namespace SeekPosition {
    let _codec: Codec<SeekPosition>

    export const codec = (): Codec<SeekPosition> => {
      if (_codec == null) {
        _codec = message<SeekPosition>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          obj = { ...obj }

          if (obj.nextCommit != null) {
            obj.specified = undefined
            obj.oldest = undefined
            obj.newest = undefined
          }

          if (obj.specified != null) {
            obj.nextCommit = undefined
            obj.oldest = undefined
            obj.newest = undefined
          }

          if (obj.oldest != null) {
            obj.nextCommit = undefined
            obj.specified = undefined
            obj.newest = undefined
          }

          if (obj.newest != null) {
            obj.nextCommit = undefined
            obj.specified = undefined
            obj.oldest = undefined
          }

          if (obj.newest != null) {
            w.uint32(10)
            orderer.SeekNewest.codec().encode(obj.newest, w)
          }

          if (obj.oldest != null) {
            w.uint32(18)
            orderer.SeekOldest.codec().encode(obj.oldest, w)
          }

          if (obj.specified != null) {
            w.uint32(26)
            orderer.SeekSpecified.codec().encode(obj.specified, w)
          }

          if (obj.nextCommit != null) {
            w.uint32(34)
            orderer.SeekNextCommit.codec().encode(obj.nextCommit, w)
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
                obj.newest = orderer.SeekNewest.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.newest
                })
                break
              }
              case 2: {
                obj.oldest = orderer.SeekOldest.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.oldest
                })
                break
              }
              case 3: {
                obj.specified = orderer.SeekSpecified.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.specified
                })
                break
              }
              case 4: {
                obj.nextCommit = orderer.SeekNextCommit.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.nextCommit
                })
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }

          if (obj.nextCommit != null) {
            delete obj.specified
            delete obj.oldest
            delete obj.newest
          }

          if (obj.specified != null) {
            delete obj.nextCommit
            delete obj.oldest
            delete obj.newest
          }

          if (obj.oldest != null) {
            delete obj.nextCommit
            delete obj.specified
            delete obj.newest
          }

          if (obj.newest != null) {
            delete obj.nextCommit
            delete obj.specified
            delete obj.oldest
          }

          return obj
        }, function * (reader, length, prefix, opts = {}) {
          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield * orderer.SeekNewest.codec().stream(reader, reader.uint32(), `${prefix}.newest`, {
                  limits: opts.limits?.newest
                })

                break
              }
              case 2: {
                yield * orderer.SeekOldest.codec().stream(reader, reader.uint32(), `${prefix}.oldest`, {
                  limits: opts.limits?.oldest
                })

                break
              }
              case 3: {
                yield * orderer.SeekSpecified.codec().stream(reader, reader.uint32(), `${prefix}.specified`, {
                  limits: opts.limits?.specified
                })

                break
              }
              case 4: {
                yield * orderer.SeekNextCommit.codec().stream(reader, reader.uint32(), `${prefix}.nextCommit`, {
                  limits: opts.limits?.nextCommit
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

    export interface SeekPositionSpecifiedNumberFieldEvent {
      field: '$.specified.number'
      value: bigint
    }

    export function encode (obj: Partial<SeekPosition>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, SeekPosition.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SeekPosition>): SeekPosition {
      return decodeMessage(buf, SeekPosition.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SeekPosition>): Generator<SeekPositionSpecifiedNumberFieldEvent> {
      return streamMessage(buf, SeekPosition.codec(), opts)
    }
  }

  export interface SeekInfo {
    start?: orderer.SeekPosition
    stop?: orderer.SeekPosition
    behavior: orderer.SeekInfo.SeekBehavior
    errorResponse: orderer.SeekInfo.SeekErrorResponse
    contentType: orderer.SeekInfo.SeekContentType
  }

  export namespace SeekInfo {
    export enum SeekBehavior {
      BLOCK_UNTIL_READY = 'BLOCK_UNTIL_READY',
      FAIL_IF_NOT_READY = 'FAIL_IF_NOT_READY'
    }

    enum __SeekBehaviorValues {
      BLOCK_UNTIL_READY = 0,
      FAIL_IF_NOT_READY = 1
    }

    export namespace SeekBehavior {
      export const codec = (): Codec<SeekBehavior> => {
        return enumeration<SeekBehavior>(__SeekBehaviorValues)
      }
    }

    export enum SeekErrorResponse {
      STRICT = 'STRICT',
      BEST_EFFORT = 'BEST_EFFORT'
    }

    enum __SeekErrorResponseValues {
      STRICT = 0,
      BEST_EFFORT = 1
    }

    export namespace SeekErrorResponse {
      export const codec = (): Codec<SeekErrorResponse> => {
        return enumeration<SeekErrorResponse>(__SeekErrorResponseValues)
      }
    }

    export enum SeekContentType {
      BLOCK = 'BLOCK',
      HEADER_WITH_SIG = 'HEADER_WITH_SIG'
    }

    enum __SeekContentTypeValues {
      BLOCK = 0,
      HEADER_WITH_SIG = 1
    }

    export namespace SeekContentType {
      export const codec = (): Codec<SeekContentType> => {
        return enumeration<SeekContentType>(__SeekContentTypeValues)
      }
    }

    let _codec: Codec<SeekInfo>

    export const codec = (): Codec<SeekInfo> => {
      if (_codec == null) {
        _codec = message<SeekInfo>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          if (obj.start != null) {
            w.uint32(10)
            orderer.SeekPosition.codec().encode(obj.start, w)
          }

          if (obj.stop != null) {
            w.uint32(18)
            orderer.SeekPosition.codec().encode(obj.stop, w)
          }

          if (obj.behavior != null && __SeekBehaviorValues[obj.behavior] !== 0) {
            w.uint32(24)
            orderer.SeekInfo.SeekBehavior.codec().encode(obj.behavior, w)
          }

          if (obj.errorResponse != null && __SeekErrorResponseValues[obj.errorResponse] !== 0) {
            w.uint32(32)
            orderer.SeekInfo.SeekErrorResponse.codec().encode(obj.errorResponse, w)
          }

          if (obj.contentType != null && __SeekContentTypeValues[obj.contentType] !== 0) {
            w.uint32(40)
            orderer.SeekInfo.SeekContentType.codec().encode(obj.contentType, w)
          }

          if (opts.lengthDelimited !== false) {
            w.ldelim()
          }
        }, (reader, length, opts = {}) => {
          const obj: any = {
            behavior: SeekBehavior.BLOCK_UNTIL_READY,
            errorResponse: SeekErrorResponse.STRICT,
            contentType: SeekContentType.BLOCK
          }

          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                obj.start = orderer.SeekPosition.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.start
                })
                break
              }
              case 2: {
                obj.stop = orderer.SeekPosition.codec().decode(reader, reader.uint32(), {
                  limits: opts.limits?.stop
                })
                break
              }
              case 3: {
                obj.behavior = orderer.SeekInfo.SeekBehavior.codec().decode(reader)
                break
              }
              case 4: {
                obj.errorResponse = orderer.SeekInfo.SeekErrorResponse.codec().decode(reader)
                break
              }
              case 5: {
                obj.contentType = orderer.SeekInfo.SeekContentType.codec().decode(reader)
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
                yield * orderer.SeekPosition.codec().stream(reader, reader.uint32(), `${prefix}.start`, {
                  limits: opts.limits?.start
                })

                break
              }
              case 2: {
                yield * orderer.SeekPosition.codec().stream(reader, reader.uint32(), `${prefix}.stop`, {
                  limits: opts.limits?.stop
                })

                break
              }
              case 3: {
                yield {
                  field: `${prefix}.behavior`,
                  value: orderer.SeekInfo.SeekBehavior.codec().decode(reader)
                }
                break
              }
              case 4: {
                yield {
                  field: `${prefix}.errorResponse`,
                  value: orderer.SeekInfo.SeekErrorResponse.codec().decode(reader)
                }
                break
              }
              case 5: {
                yield {
                  field: `${prefix}.contentType`,
                  value: orderer.SeekInfo.SeekContentType.codec().decode(reader)
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

    export interface SeekInfoStartSpecifiedNumberFieldEvent {
      field: '$.start.specified.number'
      value: bigint
    }

    export interface SeekInfoStopSpecifiedNumberFieldEvent {
      field: '$.stop.specified.number'
      value: bigint
    }

    export interface SeekInfoBehaviorFieldEvent {
      field: '$.behavior'
      value: orderer.SeekInfo.SeekBehavior
    }

    export interface SeekInfoErrorResponseFieldEvent {
      field: '$.errorResponse'
      value: orderer.SeekInfo.SeekErrorResponse
    }

    export interface SeekInfoContentTypeFieldEvent {
      field: '$.contentType'
      value: orderer.SeekInfo.SeekContentType
    }

    export function encode (obj: Partial<SeekInfo>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, SeekInfo.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SeekInfo>): SeekInfo {
      return decodeMessage(buf, SeekInfo.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<SeekInfo>): Generator<SeekInfoStartSpecifiedNumberFieldEvent | SeekInfoStopSpecifiedNumberFieldEvent | SeekInfoBehaviorFieldEvent | SeekInfoErrorResponseFieldEvent | SeekInfoContentTypeFieldEvent> {
      return streamMessage(buf, SeekInfo.codec(), opts)
    }
  }

  export interface DeliverResponse {
    status?: orderer.Status
    block?: Uint8Array<ArrayBuffer>
  }

  export namespace DeliverResponse {
    let _codec: Codec<DeliverResponse>

    export const codec = (): Codec<DeliverResponse> => {
      if (_codec == null) {
        _codec = message<DeliverResponse>((obj, w, opts = {}) => {
          if (opts.lengthDelimited !== false) {
            w.fork()
          }

          obj = { ...obj }

          if (obj.block != null) {
            obj.status = undefined
          }

          if (obj.status != null) {
            obj.block = undefined
          }

          if (obj.status != null) {
            w.uint32(8)
            orderer.Status.codec().encode(obj.status, w)
          }

          if (obj.block != null) {
            w.uint32(18)
            w.bytes(obj.block)
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
                obj.status = orderer.Status.codec().decode(reader)
                break
              }
              case 2: {
                obj.block = reader.bytes()
                break
              }
              default: {
                reader.skipType(tag & 7)
                break
              }
            }
          }

          if (obj.block != null) {
            delete obj.status
          }

          if (obj.status != null) {
            delete obj.block
          }

          return obj
        }, function * (reader, length, prefix, opts = {}) {
          const end = length == null ? reader.len : reader.pos + length

          while (reader.pos < end) {
            const tag = reader.uint32()

            switch (tag >>> 3) {
              case 1: {
                yield {
                  field: `${prefix}.status`,
                  value: orderer.Status.codec().decode(reader)
                }
                break
              }
              case 2: {
                yield {
                  field: `${prefix}.block`,
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

    export interface DeliverResponseStatusFieldEvent {
      field: '$.status'
      value: orderer.Status
    }

    export interface DeliverResponseBlockFieldEvent {
      field: '$.block'
      value: Uint8Array<ArrayBuffer>
    }

    export function encode (obj: Partial<DeliverResponse>): Uint8Array<ArrayBuffer> {
      return encodeMessage(obj, DeliverResponse.codec())
    }

    export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<DeliverResponse>): DeliverResponse {
      return decodeMessage(buf, DeliverResponse.codec(), opts)
    }

    export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<DeliverResponse>): Generator<DeliverResponseStatusFieldEvent | DeliverResponseBlockFieldEvent> {
      return streamMessage(buf, DeliverResponse.codec(), opts)
    }
  }

  let _codec: Codec<orderer>

  export const codec = (): Codec<orderer> => {
    if (_codec == null) {
      _codec = message<orderer>((obj, w, opts = {}) => {
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

  export function encode (obj: Partial<orderer>): Uint8Array<ArrayBuffer> {
    return encodeMessage(obj, orderer.codec())
  }

  export function decode (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<orderer>): orderer {
    return decodeMessage(buf, orderer.codec(), opts)
  }

  export function stream (buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<orderer>): Generator<{}> {
    return streamMessage(buf, orderer.codec(), opts)
  }
}
